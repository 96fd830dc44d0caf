package be.mhealth.pyramid.m1.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import be.mhealth.pyramid.events.Topic;
import be.mhealth.pyramid.support.inbox.Inbox;
import be.mhealth.pyramid.support.projection.AppCopyUpdater;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** Keeps the local copy of the registry's apps (owner, effective level), once per event, retried on failure. */
@ApplicationScoped
public class RegistryAppsConsumer {

    private final Inbox inbox;
    private final AppCopyUpdater apps;

    RegistryAppsConsumer(Inbox inbox, AppCopyUpdater apps) {
        this.inbox = inbox;
        this.apps = apps;
    }

    @Incoming(Topic.Names.REGISTRY_APPS)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.process(record, apps::apply);
    }
}
