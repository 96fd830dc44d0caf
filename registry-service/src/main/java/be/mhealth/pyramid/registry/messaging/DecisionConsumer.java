package be.mhealth.pyramid.registry.messaging;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import be.mhealth.pyramid.events.AppEvent;
import be.mhealth.pyramid.events.EventEnvelope;
import be.mhealth.pyramid.events.EventType;
import be.mhealth.pyramid.events.Topic;
import be.mhealth.pyramid.registry.service.LevelService;
import be.mhealth.pyramid.support.inbox.Inbox;
import be.mhealth.pyramid.support.inbox.InboxHandler;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * The level services' decisions, each applied once through the Inbox in the transaction that records it; retried
 * when the failure will pass, parked (with the app's later decisions held behind it) when it will not.
 */
@ApplicationScoped
public class DecisionConsumer implements InboxHandler {

    private final Inbox inbox;
    private final LevelService levels;

    DecisionConsumer(Inbox inbox, LevelService levels) {
        this.inbox = inbox;
        this.levels = levels;
    }

    @Override
    public Set<Topic> topics() {
        return Set.of(Topic.M1_DECISIONS, Topic.M2_DECISIONS, Topic.M3_DECISIONS);
    }

    @Override
    public void apply(EventEnvelope<AppEvent> event) {
        levels.apply(event);
    }

    @Override
    public boolean applies(EventType type) {
        return levels.applies(type);
    }

    @Incoming(Topic.Names.M1_DECISIONS)
    @Blocking
    public void m1(ConsumerRecord<String, String> record) {
        inbox.process(record);
    }

    @Incoming(Topic.Names.M2_DECISIONS)
    @Blocking
    public void m2(ConsumerRecord<String, String> record) {
        inbox.process(record);
    }

    @Incoming(Topic.Names.M3_DECISIONS)
    @Blocking
    public void m3(ConsumerRecord<String, String> record) {
        inbox.process(record);
    }
}
