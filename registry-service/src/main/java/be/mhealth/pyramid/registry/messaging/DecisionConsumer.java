package be.mhealth.pyramid.registry.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import be.mhealth.pyramid.events.Topic;
import be.mhealth.pyramid.registry.service.LevelService;
import be.mhealth.pyramid.support.inbox.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** The level services' decisions, each applied once (Inbox) in the transaction that records it, retried on failure. */
@ApplicationScoped
public class DecisionConsumer {

    private final Inbox inbox;
    private final LevelService levels;

    DecisionConsumer(Inbox inbox, LevelService levels) {
        this.inbox = inbox;
        this.levels = levels;
    }

    @Incoming(Topic.Names.M1_DECISIONS)
    @Blocking
    public void m1(ConsumerRecord<String, String> record) {
        inbox.process(record, levels::apply);
    }

    @Incoming(Topic.Names.M2_DECISIONS)
    @Blocking
    public void m2(ConsumerRecord<String, String> record) {
        inbox.process(record, levels::apply);
    }

    @Incoming(Topic.Names.M3_DECISIONS)
    @Blocking
    public void m3(ConsumerRecord<String, String> record) {
        inbox.process(record, levels::apply);
    }
}
