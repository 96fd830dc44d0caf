package be.mhealth.pyramid.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.awaitility.Awaitility;

import be.mhealth.pyramid.events.DossierEvents.DossierStateChanged;
import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.M1Events.M1Granted;
import be.mhealth.pyramid.events.RegistryEvents.AppLevelChanged;
import be.mhealth.pyramid.events.RegistryEvents.AppRegistered;
import be.mhealth.pyramid.notification.domain.Audience;
import be.mhealth.pyramid.notification.domain.Delivery;
import be.mhealth.pyramid.notification.domain.SigningSecret;
import be.mhealth.pyramid.notification.domain.Subscription;
import be.mhealth.pyramid.notification.repository.DeliveryRepository;
import be.mhealth.pyramid.notification.repository.SubscriptionRepository;
import be.mhealth.pyramid.notification.service.SecretCipher;
import be.mhealth.pyramid.testing.MovableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Test data: subscriptions made directly (no HTTP identity needed), events as their producers write them. */
@ApplicationScoped
public class Fixtures {

    /** A subscription and the secret its owner was given. */
    public record Subscribed(UUID id, SigningSecret secret) {
    }

    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final SecretCipher cipher;
    private final EntityManager em;
    private final MovableClock clock;

    Fixtures(SubscriptionRepository subscriptions, DeliveryRepository deliveries, SecretCipher cipher,
            EntityManager em, MovableClock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.cipher = cipher;
        this.em = em;
        this.clock = clock;
    }

    public Subscribed subscribe(Audience owner, String url, String... events) {
        UUID id = UUID.randomUUID();
        SigningSecret secret = SigningSecret.generate();
        QuarkusTransaction.requiringNew().run(() -> subscriptions.persist(new Subscription(id, owner, url,
                List.of(events), null, cipher.encrypt(secret, id), "fixture", OffsetDateTime.now(clock))));
        return new Subscribed(id, secret);
    }

    public Subscription subscription(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Subscription s = subscriptions.findById(id);
            em.detach(s);
            return s;
        });
    }

    /** A subscription's deliveries, oldest first. */
    public List<Delivery> deliveries(UUID subscription) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Delivery> list = deliveries.find("subscriptionId = ?1 order by sequence", subscription).list();
            list.forEach(em::detach);
            return list;
        });
    }

    public Delivery awaitDelivery(UUID subscription, java.util.function.Predicate<Delivery> match) {
        Delivery[] found = new Delivery[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            found[0] = deliveries(subscription).stream().filter(match).findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    /** Removes every subscription (and so every delivery) and held event: each test starts clean. */
    public void clear() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from subscription").executeUpdate();
            em.createNativeQuery("delete from held_event").executeUpdate();
        });
        clock.reset();
    }

    /** Whether the inbox recorded the event as handled ({@code processed_event}). */
    public boolean processed(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from processed_event where event_id = ?1").setParameter(1, eventId)
                .getSingleResult()).longValue() > 0);
    }

    public void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }

    /** Pauses the subscription directly, so that the service's own worker leaves its deliveries alone. */
    public UUID paused(Subscribed subscribed) {
        sql("update subscription set status = 'PAUSED', paused_at = now(), paused_by = 'fixture' where id = '"
                + subscribed.id() + "'");
        return subscribed.id();
    }

    /** Transactions of this database waiting for a lock (a row lock or an advisory lock). */
    public long transactionsWaitingForALock() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
                        + "and datname = current_database()").getSingleResult()).longValue());
    }

    /** Waits (up to 10 s) for another thread's transaction to get where {@code latch} is counted down. */
    public static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other transaction did not get there");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- events as their producers write them ----

    public static AppRegistered registered(UUID app, String organization) {
        return new AppRegistered(app, organization, Map.of("en", "App " + app.toString().substring(0, 8)),
                "DIABETES", null, Instant.now());
    }

    public static M1Granted m1Granted(UUID app) {
        return new M1Granted(app, UUID.randomUUID(), "MDR", "IIa", "CE-" + app.toString().substring(0, 8),
                LocalDate.now().plusYears(3), "fiona.famhp", Instant.now());
    }

    public static AppLevelChanged levelChanged(UUID app, String organization, Level from, Level to) {
        return new AppLevelChanged(app, organization, from, to, UUID.randomUUID().toString(),
                "be.mhealth.pyramid.m1.granted.v1", Instant.now());
    }

    public static DossierStateChanged stateChanged(UUID app, String organization, Level level, String from, String to,
            String action, String actedBy) {
        return new DossierStateChanged(app, UUID.randomUUID(), organization, level, from, to, action, actedBy, null,
                Instant.now());
    }

    /** The request is signed as the Standard Webhooks specification says, with {@code secret}. */
    public static void assertSigned(Receiver.Request request, SigningSecret secret) {
        String id = request.header("webhook-id");
        String timestamp = request.header("webhook-timestamp");
        assertThat(id).isNotBlank();
        assertThat(Long.parseLong(timestamp)).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset
                .offset(300L));
        assertThat(request.header("webhook-signature")).isEqualTo(secret.sign(id, Long.parseLong(timestamp),
                request.body()));
        assertThat(request.header("content-type")).startsWith("application/json");
    }
}
