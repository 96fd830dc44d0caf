package be.mhealth.pyramid.support.inbox;

import java.util.Set;

import be.mhealth.pyramid.events.AppEvent;
import be.mhealth.pyramid.events.EventEnvelope;
import be.mhealth.pyramid.events.EventType;
import be.mhealth.pyramid.events.Topic;

/**
 * Applies the events of the topics a service consumes. The {@link Inbox} calls it for each new record, and again for
 * a parked event an operator retries (or a held one released behind it), always in a transaction of its own that also
 * records the event as handled. One handler per topic.
 */
public interface InboxHandler {

    /** The topics whose events this handler applies. */
    Set<Topic> topics();

    /** Applies one event, in the caller's transaction; a failure rolls the whole event back. */
    void apply(EventEnvelope<AppEvent> event);

    /**
     * Whether this handler does anything with events of {@code type}, asked for each record (the answer may change,
     * e.g. with subscriptions). A record of a type it does not apply is passed over without a transaction once it reads
     * as valid (a record that does not read is parked as always), so that it does not delay the app's next event on the
     * partition.
     */
    default boolean applies(EventType type) {
        return true;
    }
}
