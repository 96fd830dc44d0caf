package be.mhealth.pyramid.support.inbox;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import be.mhealth.pyramid.events.Topic;

/** The service's {@link InboxHandler}s by topic: which topics it consumes, and who applies each one's events. */
@ApplicationScoped
public class InboxHandlers {

    private final Map<Topic, InboxHandler> byTopic = new EnumMap<>(Topic.class);

    InboxHandlers(Instance<InboxHandler> handlers) {
        for (InboxHandler handler : handlers) {
            for (Topic topic : handler.topics()) {
                if (byTopic.putIfAbsent(topic, handler) != null) {
                    throw new IllegalStateException("two InboxHandlers for " + topic.topicName());
                }
            }
        }
    }

    /** The handler of a topic this service consumes. */
    public InboxHandler of(Topic topic) {
        InboxHandler handler = byTopic.get(topic);
        if (handler == null) {
            throw new IllegalStateException("this service has no InboxHandler for " + topic.topicName());
        }
        return handler;
    }

    /** The topics this service consumes. */
    public Set<Topic> topics() {
        return Collections.unmodifiableSet(byTopic.keySet());
    }
}
