package be.mhealth.pyramid.registry.messaging;

import static be.mhealth.pyramid.registry.RegistryFixtures.body;
import static be.mhealth.pyramid.registry.RegistryFixtures.m1Granted;
import static be.mhealth.pyramid.registry.RegistryFixtures.m2Granted;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.registry.RegistryFixtures;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import be.mhealth.pyramid.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** A decision that arrives while the database fails is retried, not dropped, and the consumer keeps running. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class DecisionRetryTest {

    @Inject
    RegistryFixtures fixtures;

    @Inject
    EntityManager em;

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }

    @Test
    void aDecisionArrivingDuringADatabaseFailureIsAppliedOnceItRecovers() {
        UUID app = fixtures.create(body("Outage survivor"), "medisoft");
        String eventId = UUID.randomUUID().toString();

        // Every attempt fails in PostgreSQL itself (the inbox table is gone) until it is back.
        sql("alter table processed_event rename to processed_event_offline");
        try {
            TopicReader.publish(eventId, m1Granted(app, UUID.randomUUID(), LocalDate.now().plusYears(2)));
            Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> fixtures.level(app) == null);
        } finally {
            sql("alter table processed_event_offline rename to processed_event");
        }

        fixtures.awaitProcessed(eventId);
        assertThat(fixtures.level(app)).isEqualTo(Level.M1);
        fixtures.feed(m2Granted(app));
        assertThat(fixtures.level(app)).as("the channel still consumes").isEqualTo(Level.M2);
        given().when().get("/q/health/live").then().statusCode(200);
    }
}
