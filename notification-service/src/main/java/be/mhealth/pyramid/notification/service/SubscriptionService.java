package be.mhealth.pyramid.notification.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import be.mhealth.pyramid.notification.config.NotificationConfig;
import be.mhealth.pyramid.notification.domain.Audience;
import be.mhealth.pyramid.notification.domain.Delivery;
import be.mhealth.pyramid.notification.domain.DeliveryStatus;
import be.mhealth.pyramid.notification.domain.EventCatalogue;
import be.mhealth.pyramid.notification.domain.SigningSecret;
import be.mhealth.pyramid.notification.domain.Subscription;
import be.mhealth.pyramid.notification.domain.SubscriptionStatus;
import be.mhealth.pyramid.notification.repository.DeliveryQueue;
import be.mhealth.pyramid.notification.repository.DeliveryRepository;
import be.mhealth.pyramid.notification.repository.SubscriptionRepository;
import be.mhealth.pyramid.support.problem.Problem;
import be.mhealth.pyramid.support.problem.ResourceNotFoundException;
import be.mhealth.pyramid.support.problem.RuleViolationException;
import be.mhealth.pyramid.support.problem.StateConflictException;
import be.mhealth.pyramid.support.security.Caller;
import be.mhealth.pyramid.support.web.EntityTags;
import io.quarkus.hibernate.orm.panache.PanacheQuery;

/**
 * Subscriptions and their deliveries, as their owners and operators manage them. Access is checked here
 * ({@link SubscriptionAccess}); a change loads the subscription locked and checks {@code If-Match} against its version.
 */
@ApplicationScoped
@Transactional
public class SubscriptionService {

    /** A new subscription and its signing secret, which is shown this once. */
    public record Created(Subscription subscription, String secret) {
    }

    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final DeliveryQueue queue;
    private final SubscriptionAccess access;
    private final TargetPolicy policy;
    private final SecretCipher cipher;
    private final Caller caller;
    private final Clock clock;
    private final NotificationConfig config;

    SubscriptionService(SubscriptionRepository subscriptions, DeliveryRepository deliveries, DeliveryQueue queue,
            SubscriptionAccess access, TargetPolicy policy, SecretCipher cipher, Caller caller, Clock clock,
            NotificationConfig config) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.queue = queue;
        this.access = access;
        this.policy = policy;
        this.cipher = cipher;
        this.caller = caller;
        this.clock = clock;
        this.config = config;
    }

    public Created create(String url, List<String> events, String description) {
        Audience owner = access.subscriber();
        List<String> checked = check(owner, url, events);
        if (subscriptions.countOwnedBy(owner) >= config.subscriptions().maxPerOwner()) {
            throw new StateConflictException("too-many-subscriptions", "an owner may hold at most "
                    + config.subscriptions().maxPerOwner() + " subscriptions; delete one first", null);
        }
        UUID id = UUID.randomUUID();
        SigningSecret secret = SigningSecret.generate();
        Subscription subscription = new Subscription(id, owner, url, checked, blankToNull(description),
                cipher.encrypt(secret, id), caller.name(), now());
        subscriptions.persist(subscription);
        subscriptions.flush();
        return new Created(subscription, secret.value());
    }

    /** The secret of a subscription the caller created with this Idempotency-Key (a retry of the same request). */
    public Created replayedCreation(UUID id) {
        Subscription subscription = access.changeable(id);
        return new Created(subscription, cipher.decrypt(subscription.secretCiphertext(), id).value());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PanacheQuery<Subscription> list() {
        return subscriptions.listed(access.listedOwner());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Subscription get(UUID id) {
        return access.readable(id);
    }

    public Subscription update(UUID id, String ifMatch, String url, List<String> events, String description) {
        access.changeable(id);
        Subscription subscription = locked(id, null);
        EntityTags.requireMatch(ifMatch, subscription.version());
        List<String> checked = check(subscription.audience(), url, events);
        subscription.change(url, checked, blankToNull(description), now());
        subscriptions.flush();
        return subscription;
    }

    public Subscription pause(UUID id, String reason) {
        access.readable(id);
        Subscription subscription = locked(id, null);
        subscription.pause(reason == null || reason.isBlank() ? "paused by hand" : reason.strip(), caller.name(),
                now());
        subscriptions.flush();
        return subscription;
    }

    public Subscription resume(UUID id) {
        access.readable(id);
        Subscription subscription = locked(id, null);
        if (subscription.status() == SubscriptionStatus.PAUSED) {
            OffsetDateTime now = now();
            subscription.resume(now);
            subscriptions.flush();
            queue.resumed(id, now, now.plus(config.delivery().retryFor()));
        }
        return subscription;
    }

    public void delete(UUID id, String ifMatch) {
        access.readable(id);
        Subscription subscription = locked(id, ifMatch == null || ifMatch.isBlank() ? null : ifMatch);
        subscriptions.delete(subscription);
        subscriptions.flush();
    }

    /** Queues a ping to the subscription; 409 while it is paused (it would wait until resumed). */
    public Delivery ping(UUID id) {
        Subscription subscription = access.readable(id);
        if (subscription.status() == SubscriptionStatus.PAUSED) {
            throw new StateConflictException("subscription-paused", "the subscription is paused; resume it first",
                    SubscriptionStatus.PAUSED.name());
        }
        OffsetDateTime now = now();
        UUID delivery = queue.queuePing(id, EventCatalogue.PING, WebhookBodies.ping(id, now.toInstant()), now,
                now.plus(config.delivery().retryFor()));
        return deliveries.findById(delivery);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PanacheQuery<Delivery> deliveries(UUID id, DeliveryStatus status) {
        access.readable(id);
        return deliveries.log(id, status);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Delivery delivery(UUID id, UUID deliveryId) {
        access.readable(id);
        Delivery delivery = deliveries.of(id, deliveryId);
        if (delivery == null) {
            throw new ResourceNotFoundException("delivery", deliveryId);
        }
        return delivery;
    }

    /** Sends a delivered or given-up delivery again (same {@code webhook-id}); 409 while it is still pending. */
    public Delivery replay(UUID id, UUID deliveryId) {
        access.readable(id);
        Delivery delivery = delivery(id, deliveryId);
        OffsetDateTime now = now();
        if (!queue.replay(id, deliveryId, now, now.plus(config.delivery().retryFor()))) {
            throw new StateConflictException("delivery-pending", "the delivery is still pending (next attempt at "
                    + delivery.nextAttemptAt() + "); replay it once it was delivered or given up",
                    DeliveryStatus.PENDING.name());
        }
        deliveries.getEntityManager().refresh(delivery);
        return delivery;
    }

    private Subscription locked(UUID id, String ifMatch) {
        Subscription subscription = subscriptions.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (subscription == null) {
            throw new ResourceNotFoundException("subscription", id);
        }
        if (ifMatch != null) {
            EntityTags.requireMatch(ifMatch, subscription.version());
        }
        return subscription;
    }

    /** The requested event types, deduplicated in the given order; 422 naming those the owner may not receive. */
    private List<String> check(Audience owner, String url, List<String> events) {
        policy.checkSubscriptionUrl(url);
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            EventCatalogue.Entry entry = EventCatalogue.find(events.get(i)).orElseThrow();
            if (!EventCatalogue.subscribable(owner, entry)) {
                errors.add(new Problem.FieldError("events[" + i + "]", "'" + entry.name() + "' is not available to "
                        + (owner.isVendor() ? "vendors" : owner.owner() + " (level " + owner.level() + ")")
                        + "; see GET /api/v1/webhooks/event-types"));
            }
        }
        if (!errors.isEmpty()) {
            throw new RuleViolationException(errors);
        }
        return List.copyOf(new LinkedHashSet<>(events));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
