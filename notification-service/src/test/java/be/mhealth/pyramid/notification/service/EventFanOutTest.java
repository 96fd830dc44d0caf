package be.mhealth.pyramid.notification.service;

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

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.AppEvent;
import be.mhealth.pyramid.events.EventEnvelope;
import be.mhealth.pyramid.events.EventType;
import be.mhealth.pyramid.notification.Fixtures;
import be.mhealth.pyramid.notification.domain.Audience;
import be.mhealth.pyramid.notification.domain.Delivery;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An app's registration and a decision about it come on different topics, so two consumers can handle them at the same
 * moment (real PostgreSQL, read committed). The decision must reach the vendor whichever commits first. The
 * subscription is paused, so that the service's own worker leaves its deliveries alone.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class EventFanOutTest {

    @Inject
    EventFanOut fanOut;

    @Inject
    Fixtures fixtures;

    @AfterEach
    void clean() {
        fixtures.clear();
    }

    @Test
    void aDecisionHeldWhileItsAppsRegistrationIsHandledReachesTheVendor() throws Exception {
        UUID subscription = fixtures.paused(fixtures.subscribe(Audience.vendor("medisoft"),
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

    private static EventEnvelope<AppEvent> envelope(AppEvent payload) {
        EventType type = EventType.of(payload);
        return new EventEnvelope<>(UUID.randomUUID().toString(), type, type.topic().source(),
                payload.appId().toString(), OffsetDateTime.now(), payload);
    }
}
