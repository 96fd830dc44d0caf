package be.mhealth.pyramid.m1;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.EventType;
import be.mhealth.pyramid.events.M1Events;
import be.mhealth.pyramid.m1.domain.M1Dossier;
import be.mhealth.pyramid.m1.domain.M1DossierState;
import be.mhealth.pyramid.support.outbox.OutboxEvent;
import be.mhealth.pyramid.support.outbox.OutboxRelay;
import be.mhealth.pyramid.support.outbox.OutboxRepository;
import be.mhealth.pyramid.support.time.PlatformCalendar;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import be.mhealth.pyramid.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/**
 * A crash between commit and publish loses no event: the approval commits with its outbox row while the relay
 * cannot publish (another process holds the relay's lock, as a relay that died mid-run would); nothing reaches
 * the topic. Once the relay can run again, the row is published with its CloudEvents headers and app-id key.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class OutboxCrashTest {

    @Inject
    M1Fixtures data;

    @Inject
    OutboxRepository outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    Clock clock;

    private OutboxEvent grantRow(M1Dossier d) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.find("type = ?1 and appId = ?2",
                EventType.M1_GRANTED.ceType(), d.appId()).singleResult());
    }

    @Test
    @TestSecurity(user = "fiona", roles = "famhp-assessor")
    void aCommittedEventThatCouldNotBePublishedGoesOutOnTheNextRelayRun() throws SQLException {
        M1Dossier d = data.dossier("medisoft", M1DossierState.SUBMITTED, PlatformCalendar.today(clock).plusYears(2));
        String topic = EventType.M1_GRANTED.topic().topicName();

        try (Connection blocker = DriverManager.getConnection(PostgresResource.jdbcUrl());
                Statement st = blocker.createStatement()) {
            st.execute("select pg_advisory_lock(hashtext('pyramid.outbox.relay'))");

            given().contentType(ContentType.JSON).body(Map.of("outcome", "APPROVED"))
                    .when().post("/api/v1/m1/dossiers/" + d.id() + "/decision")
                    .then().statusCode(200).body("state", equalTo("APPROVED"));

            assertThat(grantRow(d).publishedAt).as("committed, not published").isNull();
            relay.wake();
            assertThat(TopicReader.readAll(topic)).noneMatch(e -> d.appId().toString().equals(e.key()));
            assertThat(grantRow(d).publishedAt).isNull();

            st.execute("select pg_advisory_unlock(hashtext('pyramid.outbox.relay'))");
        }

        relay.wake();
        TopicReader.Event event = TopicReader.await(EventType.M1_GRANTED, d.appId());
        OutboxEvent row = grantRow(d);
        assertThat(event.key()).isEqualTo(d.appId().toString());
        assertThat(event.header("ce_id")).isEqualTo(row.eventId.toString());
        assertThat(event.header("ce_type")).isEqualTo("be.mhealth.pyramid.m1.granted.v1");
        assertThat(event.header("ce_source")).isEqualTo("/m1-ce-service");
        assertThat(event.header("ce_specversion")).isEqualTo("1.0");
        assertThat(event.payload(M1Events.M1Granted.class).dossierId()).isEqualTo(d.id());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> grantRow(d).publishedAt != null);
    }
}
