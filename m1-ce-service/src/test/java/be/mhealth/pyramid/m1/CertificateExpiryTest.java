package be.mhealth.pyramid.m1;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.DossierEvents;
import be.mhealth.pyramid.events.EventType;
import be.mhealth.pyramid.events.M1Events;
import be.mhealth.pyramid.m1.domain.M1Dossier;
import be.mhealth.pyramid.m1.domain.M1DossierState;
import be.mhealth.pyramid.m1.service.CertificateExpiryJob;
import be.mhealth.pyramid.support.outbox.OutboxRepository;
import be.mhealth.pyramid.support.time.PlatformCalendar;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.MovableClock;
import be.mhealth.pyramid.testing.PostgresResource;
import be.mhealth.pyramid.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** Grants expire once, the day after their certificate's expiry date, with one m1.expired event. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class CertificateExpiryTest {

    @Inject
    M1Fixtures data;

    @Inject
    MovableClock clock;

    @Inject
    CertificateExpiryJob expiry;

    @Inject
    OutboxRepository outbox;

    /** Noon on the platform's calendar: days added as 24 hours stay calendar days at any hour, in summer time too. */
    @BeforeEach
    void midday() {
        clock.setToMidday(PlatformCalendar.ZONE);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private long outboxRows(String type, M1Dossier d) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.count("type = ?1 and appId = ?2", type, d.appId()));
    }

    @Test
    @TestSecurity(user = "fiona", roles = "famhp-assessor")
    void aGrantExpiresOnceAfterItsCertificatesExpiryDate() {
        LocalDate today = PlatformCalendar.today(clock);
        M1Dossier expiring = data.dossier("medisoft", M1DossierState.APPROVED, today.plusDays(10));
        M1Dossier valid = data.dossier("medisoft", M1DossierState.APPROVED, today.plusDays(100));
        M1Dossier open = data.dossier("medisoft", M1DossierState.IN_REVIEW, today.plusDays(5));
        String expiredType = EventType.M1_EXPIRED.ceType();

        clock.advance(Duration.ofDays(10));
        expiry.expireLapsedGrants();
        assertThat(data.reload(expiring.id()).state()).as("valid through its expiry date")
                .isEqualTo(M1DossierState.APPROVED);

        clock.advance(Duration.ofDays(1));
        assertThat(expiry.expireLapsedGrants()).isGreaterThanOrEqualTo(1);
        assertThat(expiry.expireLapsedGrants()).as("a second run finds nothing left").isZero();
        assertThat(data.reload(expiring.id()).state()).isEqualTo(M1DossierState.EXPIRED);
        assertThat(data.reload(valid.id()).state()).isEqualTo(M1DossierState.APPROVED);
        assertThat(data.reload(open.id()).state()).isEqualTo(M1DossierState.IN_REVIEW);
        assertThat(outboxRows(expiredType, expiring)).isEqualTo(1);
        assertThat(outboxRows(expiredType, valid)).isZero();

        TopicReader.Event event = TopicReader.await(EventType.M1_EXPIRED, expiring.appId());
        assertThat(event.key()).isEqualTo(expiring.appId().toString());
        assertThat(event.header("ce_type")).isEqualTo(expiredType);
        assertThat(event.header("ce_specversion")).isEqualTo("1.0");
        M1Events.M1Expired expired = event.payload(M1Events.M1Expired.class);
        assertThat(expired.dossierId()).isEqualTo(expiring.id());
        assertThat(expired.certificateExpiredOn()).isEqualTo(today.plusDays(10));
        assertThat(expired.decidedBy()).isEqualTo("m1-ce-service");
        assertThat(expired.reason()).isEqualTo("its expiry date passed");

        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> outbox.countUnpublished()) == 0);
        assertThat(TopicReader.readAll(EventType.M1_EXPIRED.topic().topicName()))
                .filteredOn(e -> expiredType.equals(e.ceType()) && expiring.appId().toString().equals(e.key()))
                .hasSize(1);

        JsonPath history = given().when().get("/api/v1/m1/dossiers/" + expiring.id() + "/history")
                .then().statusCode(200).body("items[-1].action", equalTo("EXPIRE")).extract().jsonPath();
        assertThat(history.getString("items[-1].actor")).isEqualTo("m1-ce-service");
        assertThat(history.getString("items[-1].reason")).isEqualTo("its expiry date passed");
        DossierEvents.DossierStateChanged changed = TopicReader.await(EventType.M1_DOSSIER_STATE_CHANGED.topic()
                .topicName(), e -> EventType.M1_DOSSIER_STATE_CHANGED.ceType().equals(e.ceType())
                        && e.value().contains("\"EXPIRE\"") && expiring.appId().toString().equals(e.key()))
                .payload(DossierEvents.DossierStateChanged.class);
        assertThat(changed.actedBy()).as("a job is no person").isEqualTo("SYSTEM");
        assertThat(changed.from()).isEqualTo("APPROVED");
        assertThat(changed.to()).isEqualTo("EXPIRED");
        given().when().get("/api/v1/m1/dossiers/" + expiring.id()).then().statusCode(200)
                .body("certificateExpiredOn", equalTo(today.plusDays(10).toString()));
        assertThat(history.getString("items[-1].from")).isEqualTo("APPROVED");
    }
}
