package be.mhealth.pyramid.notification.messaging;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import be.mhealth.pyramid.events.AppEvent;
import be.mhealth.pyramid.events.EventEnvelope;
import be.mhealth.pyramid.events.EventType;
import be.mhealth.pyramid.events.Topic;
import be.mhealth.pyramid.notification.service.EventFanOut;
import be.mhealth.pyramid.support.inbox.Inbox;
import be.mhealth.pyramid.support.inbox.InboxHandler;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Every event of the four topics, each turned into deliveries once, through the Inbox: in the transaction that records
 * it as consumed; retried when the failure will pass, parked (with the app's later events held behind it) when not. A
 * level's event no subscription asks for is passed over without a transaction ({@link EventFanOut#receivable}).
 */
@ApplicationScoped
public class EventConsumer implements InboxHandler {

    private final Inbox inbox;
    private final EventFanOut fanOut;

    EventConsumer(Inbox inbox, EventFanOut fanOut) {
        this.inbox = inbox;
        this.fanOut = fanOut;
    }

    @Override
    public Set<Topic> topics() {
        return Set.of(Topic.REGISTRY_APPS, Topic.M1_DECISIONS, Topic.M2_DECISIONS, Topic.M3_DECISIONS);
    }

    @Override
    public void apply(EventEnvelope<AppEvent> event) {
        fanOut.apply(event);
    }

    @Override
    public boolean applies(EventType type) {
        return fanOut.receivable(type);
    }

    @Incoming(Topic.Names.REGISTRY_APPS)
    @Blocking
    public void apps(ConsumerRecord<String, String> record) {
        inbox.process(record);
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
