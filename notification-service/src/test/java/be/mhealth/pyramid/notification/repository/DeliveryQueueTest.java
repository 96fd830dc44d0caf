package be.mhealth.pyramid.notification.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.AppEvent;
import be.mhealth.pyramid.events.EventEnvelope;
import be.mhealth.pyramid.events.EventType;
import be.mhealth.pyramid.notification.Fixtures;
import be.mhealth.pyramid.notification.domain.Audience;
import be.mhealth.pyramid.notification.domain.Delivery;
import be.mhealth.pyramid.notification.domain.DeliveryStatus;
import be.mhealth.pyramid.notification.service.EventFanOut;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The queue's writes on real PostgreSQL: an attempt's outcome and the subscription's run of failures, the lock order
 * that keeps the worker and the API from deadlocking (both take the subscription's row before its deliveries'), and a
 * decision held for an app not known yet while the other topic's consumer handles that app's registration (both take
 * the app's lock in {@link EventFanOut}). The subscriptions here are paused, so that the service's own worker leaves
 * their deliveries alone.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class DeliveryQueueTest {

    static final Audience MEDISOFT = Audience.vendor("medisoft");

    @Inject
    DeliveryQueue queue;

    @Inject
    EventFanOut fanOut;

    @Inject
    EntityManager em;

    @Inject
    Fixtures fixtures;

    @AfterEach
    void clean() {
        fixtures.clear();
    }

    @Test
    void failuresStartTheSubscriptionsRunOfFailuresAndASuccessEndsIt() {
        UUID subscription = pausedSubscription();
        UUID first = queued(subscription);
        UUID second = queued(subscription);
        OffsetDateTime t0 = OffsetDateTime.parse("2026-12-01T10:00:00Z");

        assertThat(failed(first, t0)).isAtSameInstantAs(t0);
        assertThat(failed(second, t0.plusMinutes(5))).as("the run started at the first failure")
                .isAtSameInstantAs(t0);
        assertThat(failingSince(subscription)).isAtSameInstantAs(t0);

        QuarkusTransaction.requiringNew().run(() -> queue.succeeded(first, 204, t0.plusMinutes(6)));
        assertThat(failingSince(subscription)).isNull();
        assertThat(fixtures.deliveries(subscription)).filteredOn(d -> d.id().equals(first)).singleElement()
                .satisfies(d -> {
                    assertThat(d.status()).isEqualTo(DeliveryStatus.SUCCEEDED);
                    assertThat(d.attempts()).isEqualTo(2);
                });

        // An outcome that comes too late (the delivery is no longer pending) changes nothing.
        assertThat(failed(first, t0.plusMinutes(7))).isNull();
        assertThat(failingSince(subscription)).isNull();
    }

    @Test
    void theWorkerRecordingAnOutcomeAndTheApiDeletingTheSubscriptionDoNotDeadlock() throws Exception {
        UUID subscription = pausedSubscription();
        UUID delivery = queued(subscription);
        OffsetDateTime now = OffsetDateTime.now();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch apiHoldsTheSubscription = new CountDownLatch(1);
            CountDownLatch workerWaits = new CountDownLatch(1);
            // The API's delete: the subscription locked (SubscriptionService.locked), then deleted with its deliveries.
            Future<?> api = threads.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("select id from subscription where id = ?1 for update")
                        .setParameter(1, subscription).getResultList();
                apiHoldsTheSubscription.countDown();
                Fixtures.await(workerWaits);
                em.createNativeQuery("delete from subscription where id = ?1").setParameter(1, subscription)
                        .executeUpdate();
            }));
            assertThat(apiHoldsTheSubscription.await(10, TimeUnit.SECONDS)).isTrue();
            // The worker records a failed attempt meanwhile. Had it locked the delivery first, the delete's cascade
            // would wait for it while it waits for the subscription: PostgreSQL would abort one of the two.
            Future<OffsetDateTime> worker = threads.submit(() -> QuarkusTransaction.requiringNew()
                    .call(() -> queue.failed(delivery, 500, "HTTP 500", now, now.plusSeconds(30))));
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> fixtures.transactionsWaitingForALock() >= 1);
            workerWaits.countDown();

            api.get(20, TimeUnit.SECONDS);
            assertThat(worker.get(20, TimeUnit.SECONDS)).as("the subscription and its delivery are gone").isNull();
            assertThat(fixtures.deliveries(subscription)).isEmpty();
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aDecisionHeldWhileItsAppsRegistrationIsHandledReachesTheVendor() throws Exception {
        UUID subscription = fixtures.paused(fixtures.subscribe(MEDISOFT,
                "https://hooks.example.com/pyramid", "registry.app.registered", "m1.granted"));
        UUID app = UUID.randomUUID();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch decisionHeld = new CountDownLatch(1);
            CountDownLatch commitDecision = new CountDownLatch(1);
            // The decisions' consumer: the app's owner is not known yet, so the decision is held (not yet committed).
            Future<?> decision = threads.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                fanOut.apply(envelope(Fixtures.m1Granted(app)));
                decisionHeld.countDown();
                Fixtures.await(commitDecision);
            }));
            Fixtures.await(decisionHeld);
            // The registry's consumer meanwhile. Were it not to wait for the decision's transaction, it would release
            // no held event (the hold is not committed) and the decision would stay held for good.
            Future<?> registration = threads.submit(() -> QuarkusTransaction.requiringNew()
                    .run(() -> fanOut.apply(envelope(Fixtures.registered(app, "medisoft")))));
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> registration.isDone() || fixtures.transactionsWaitingForALock() >= 1);
            commitDecision.countDown();
            decision.get(20, TimeUnit.SECONDS);
            registration.get(20, TimeUnit.SECONDS);

            assertThat(fixtures.deliveries(subscription)).extracting(Delivery::eventType)
                    .containsExactly("registry.app.registered", "m1.granted");
        } finally {
            threads.shutdownNow();
        }
    }

    private UUID pausedSubscription() {
        return fixtures.paused(fixtures.subscribe(MEDISOFT, "https://hooks.example.com/pyramid",
                "registry.app.registered"));
    }

    private UUID queued(UUID subscription) {
        OffsetDateTime now = OffsetDateTime.now();
        return QuarkusTransaction.requiringNew().call(() -> queue.queuePing(subscription, "webhook.ping", "{}", now,
                now.plusDays(1)));
    }

    private OffsetDateTime failed(UUID delivery, OffsetDateTime at) {
        return QuarkusTransaction.requiringNew().call(() -> queue.failed(delivery, 500, "HTTP 500", at,
                at.plusMinutes(1)));
    }

    private OffsetDateTime failingSince(UUID subscription) {
        Object since = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select failing_since from subscription where id = ?1").setParameter(1, subscription)
                .getSingleResult());
        return since == null ? null : since instanceof java.time.Instant i ? i.atOffset(java.time.ZoneOffset.UTC)
                : since instanceof java.sql.Timestamp t ? t.toInstant().atOffset(java.time.ZoneOffset.UTC)
                : (OffsetDateTime) since;
    }

    private static EventEnvelope<AppEvent> envelope(AppEvent payload) {
        EventType type = EventType.of(payload);
        return new EventEnvelope<>(UUID.randomUUID().toString(), type, type.topic().source(),
                payload.appId().toString(), OffsetDateTime.now(), payload);
    }
}
