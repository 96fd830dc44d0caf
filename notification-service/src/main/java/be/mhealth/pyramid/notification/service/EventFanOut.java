package be.mhealth.pyramid.notification.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import be.mhealth.pyramid.events.AppEvent;
import be.mhealth.pyramid.events.DossierEvents.DossierStateChanged;
import be.mhealth.pyramid.events.EventEnvelope;
import be.mhealth.pyramid.events.EventType;
import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.RegistryEvents.AppLevelChanged;
import be.mhealth.pyramid.events.RegistryEvents.AppRegistered;
import be.mhealth.pyramid.events.RegistryEvents.AppUpdated;
import be.mhealth.pyramid.events.RegistryEvents.AppVersionDeclared;
import be.mhealth.pyramid.events.RegistryEvents.AppWithdrawnFromMarket;
import be.mhealth.pyramid.events.Topic;
import be.mhealth.pyramid.notification.config.NotificationConfig;
import be.mhealth.pyramid.notification.domain.Audience;
import be.mhealth.pyramid.notification.domain.Authority;
import be.mhealth.pyramid.notification.domain.EventCatalogue;
import be.mhealth.pyramid.notification.repository.DeliveryQueue;
import be.mhealth.pyramid.notification.repository.SubscriptionRepository;
import be.mhealth.pyramid.support.projection.AppCopy;
import be.mhealth.pyramid.support.projection.AppCopyRepository;
import be.mhealth.pyramid.support.projection.AppCopyUpdater;

/**
 * Turns one consumed event into deliveries, in the transaction that records it as consumed: one per subscription that
 * asked for its type and may receive it (the app's vendor organization; the authorities of its level). The app's owner
 * comes from the event, or for decisions from the local copy of the registry's apps; a decision for an app that copy
 * does not know yet is held and queued for the vendor when the app's registry event arrives.
 * <p>
 * The registry's events and the levels' decisions arrive on different topics, so two consumers can handle an app's
 * registration and its decision at the same moment. Both take the app's lock first ({@link DeliveryQueue#lockApp}):
 * otherwise the decision could find no owner while the registration, not seeing the still uncommitted hold, released
 * nothing, and the decision would stay held.
 */
@ApplicationScoped
public class EventFanOut {

    private static final Logger LOG = Logger.getLogger(EventFanOut.class);

    private final DeliveryQueue queue;
    private final SubscriptionRepository subscriptions;
    private final AppCopyUpdater appCopies;
    private final AppCopyRepository apps;
    private final Clock clock;
    private final NotificationConfig.Delivery config;

    EventFanOut(DeliveryQueue queue, SubscriptionRepository subscriptions, AppCopyUpdater appCopies,
            AppCopyRepository apps, Clock clock, NotificationConfig config) {
        this.queue = queue;
        this.subscriptions = subscriptions;
        this.appCopies = appCopies;
        this.apps = apps;
        this.clock = clock;
        this.config = config.delivery();
    }

    /**
     * Whether an event of this type can lead to anything here: the registry's app events always (they keep the app
     * copies), a level's event only while some subscription asks for its type. The inbox passes over the others
     * without a transaction: on two shared cores, four inbox transactions per approval here cost the registry's grant
     * a third of its freshness (bench/README.md, goal 4). Such an event leaves no processed row; were it read again
     * after a reset of the consumer group, a subscription made since would receive it late.
     */
    public boolean receivable(EventType type) {
        return type.topic() == Topic.REGISTRY_APPS || subscriptions.anyAskFor(EventCatalogue.of(type).name());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope<AppEvent> event) {
        EventType type = event.type();
        EventCatalogue.Entry entry = EventCatalogue.of(type);
        AppEvent payload = event.data();
        UUID appId = payload.appId();
        if (type.topic() == Topic.REGISTRY_APPS) {
            queue.lockApp(appId);
            appCopies.apply(event);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime retryUntil = now.plus(config.retryFor());
        String body = WebhookBodies.of(entry, event);
        for (Level level : Level.values()) {
            if (EventCatalogue.receives(Audience.authority(Authority.deciding(level)), type, payload, null)) {
                queue.queueForAuthorities(level, entry.name(), event.id(), appId, body, now, retryUntil);
            }
        }
        String organization = organizationOf(payload);
        if (organization != null) {
            queue.queueForVendor(organization, entry.name(), event.id(), appId, body, now, retryUntil);
        } else {
            LOG.infof("webhooks: app %s is not known yet; its vendor's deliveries of %s wait for its registry event",
                    appId, event.id());
            queue.hold(appId, event.id(), entry.name(), body, now);
        }
        if (type.topic() == Topic.REGISTRY_APPS) {
            for (DeliveryQueue.Held held : queue.release(appId)) {
                queue.queueForVendor(organization, held.eventType(), held.eventId(), appId, held.body(), now,
                        retryUntil);
            }
        }
    }

    /** The app's vendor organization: from the event when it carries it, else from the local app copy. */
    private String organizationOf(AppEvent payload) {
        return switch (payload) {
            case AppRegistered e -> e.organizationId();
            case AppUpdated e -> e.organizationId();
            case AppLevelChanged e -> e.organizationId();
            case AppVersionDeclared e -> e.organizationId();
            case AppWithdrawnFromMarket e -> e.organizationId();
            case DossierStateChanged e -> e.organizationId();
            default -> {
                queue.lockApp(payload.appId());
                AppCopy app = apps.findById(payload.appId());
                yield app == null ? null : app.organizationId;
            }
        };
    }
}
