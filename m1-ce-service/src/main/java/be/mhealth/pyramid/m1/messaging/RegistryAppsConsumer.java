package be.mhealth.pyramid.m1.messaging;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import be.mhealth.pyramid.events.AppEvent;
import be.mhealth.pyramid.events.EventEnvelope;
import be.mhealth.pyramid.events.RegistryEvents.AppVersionDeclared;
import be.mhealth.pyramid.events.RegistryEvents.AppWithdrawnFromMarket;
import be.mhealth.pyramid.events.Topic;
import be.mhealth.pyramid.m1.service.M1DossierService;
import be.mhealth.pyramid.support.inbox.Inbox;
import be.mhealth.pyramid.support.inbox.InboxHandler;
import be.mhealth.pyramid.support.projection.AppCopyUpdater;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Keeps the local copy of the registry's apps (owner, names, effective level), once per event, through the Inbox;
 * a significant change for M1 opens a re-assessment of the grant, a market withdrawal closes the app's dossiers.
 */
@ApplicationScoped
public class RegistryAppsConsumer implements InboxHandler {

    private final Inbox inbox;
    private final AppCopyUpdater apps;
    private final M1DossierService dossiers;

    RegistryAppsConsumer(Inbox inbox, AppCopyUpdater apps, M1DossierService dossiers) {
        this.inbox = inbox;
        this.apps = apps;
        this.dossiers = dossiers;
    }

    @Override
    public Set<Topic> topics() {
        return Set.of(Topic.REGISTRY_APPS);
    }

    @Override
    public void apply(EventEnvelope<AppEvent> event) {
        apps.apply(event);
        switch (event.data()) {
            case AppVersionDeclared declared -> dossiers.onVersionDeclared(declared);
            case AppWithdrawnFromMarket withdrawn -> dossiers.onWithdrawnFromMarket(withdrawn);
            default -> {
                // the app copy is all the other registry events change
            }
        }
    }

    @Incoming(Topic.Names.REGISTRY_APPS)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.process(record);
    }
}
