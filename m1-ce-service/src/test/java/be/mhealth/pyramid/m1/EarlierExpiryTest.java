package be.mhealth.pyramid.m1;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.EventType;
import be.mhealth.pyramid.events.M1Events;
import be.mhealth.pyramid.m1.domain.M1Dossier;
import be.mhealth.pyramid.m1.domain.M1DossierState;
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
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

/** FAMHP records that a grant's certificate expired earlier than the dossier states: POST …/{id}/expiry. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@TestSecurity(user = "fiona", roles = "famhp-assessor")
class EarlierExpiryTest {

    private static final String DOSSIERS = "/api/v1/m1/dossiers";

    @Inject
    M1Fixtures data;

    @Inject
    MovableClock clock;

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

    private static ValidatableResponse expire(M1Dossier d, Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post(DOSSIERS + "/" + d.id() + "/expiry").then();
    }

    private long expiredRows(M1Dossier d) {
        return QuarkusTransaction.requiringNew()
                .call(() -> outbox.count("type = ?1 and appId = ?2", EventType.M1_EXPIRED.ceType(), d.appId()));
    }

    @Test
    void anEarlierExpiryEndsTheGrantWithWhoWhenWhyAndItsEvent() {
        LocalDate today = PlatformCalendar.today(clock);
        M1Dossier d = data.dossier("medisoft", M1DossierState.APPROVED, today.plusYears(2));
        LocalDate lastValidDay = today.minusDays(5);
        String reason = "Notified body 2797 confirms the certificate was not renewed";
        String etag = given().when().get(DOSSIERS + "/" + d.id()).then().statusCode(200)
                .body("certificateExpiredOn", nullValue()).extract().header("ETag");

        given().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("expiredOn", lastValidDay.toString(), "reason", reason))
                .when().post(DOSSIERS + "/" + d.id() + "/expiry")
                .then().statusCode(200)
                .body("state", equalTo("EXPIRED"))
                .body("certificateExpiredOn", equalTo(lastValidDay.toString()))
                .body("certificate.expiresOn", equalTo(today.plusYears(2).toString()));

        JsonPath history = given().when().get(DOSSIERS + "/" + d.id() + "/history").then().statusCode(200)
                .extract().jsonPath();
        assertThat(history.getString("items[-1].action")).isEqualTo("EXPIRE");
        assertThat(history.getString("items[-1].from")).isEqualTo("APPROVED");
        assertThat(history.getString("items[-1].actor")).isEqualTo("fiona");
        assertThat(history.getString("items[-1].reason")).isEqualTo(reason);
        assertThat(history.getString("items[-1].at")).isNotBlank();

        M1Events.M1Expired event = TopicReader.await(EventType.M1_EXPIRED, d.appId()).payload(M1Events.M1Expired.class);
        assertThat(event.dossierId()).isEqualTo(d.id());
        assertThat(event.certificateExpiredOn()).isEqualTo(lastValidDay);
        assertThat(event.reason()).isEqualTo(reason);
        assertThat(event.decidedBy()).isEqualTo("fiona");
        assertThat(expiredRows(d)).isEqualTo(1);

        expire(d, Map.of("expiredOn", lastValidDay.toString(), "reason", reason)).statusCode(409)
                .body("currentState", equalTo("EXPIRED"));
        assertThat(expiredRows(d)).as("the second call changes nothing").isEqualTo(1);
    }

    @Test
    void theDateMustBePastAndWithinTheCertificatesTermOnRecord() {
        LocalDate today = PlatformCalendar.today(clock);
        M1Dossier d = data.dossier("medisoft", M1DossierState.APPROVED, today.plusDays(10));
        LocalDate issuedOn = today.minusYears(1);
        for (LocalDate refused : List.of(today, today.plusDays(1), issuedOn.minusDays(1))) {
            expire(d, Map.of("expiredOn", refused.toString(), "reason", "checked with the notified body"))
                    .statusCode(422).contentType("application/problem+json")
                    .body("errors.field", hasItem("expiredOn"));
        }
        // Twenty days on the expiry job has not run yet: a date after the one on record is still refused.
        clock.advance(Duration.ofDays(20));
        expire(d, Map.of("expiredOn", today.plusDays(11).toString(), "reason", "late")).statusCode(422)
                .body("errors.find { it.field == 'expiredOn' }.message", equalTo(
                        "must not be after the expiry date on record (" + today.plusDays(10) + ")"));

        given().when().get(DOSSIERS + "/" + d.id()).then().body("state", equalTo("APPROVED"));
        assertThat(expiredRows(d)).isZero();
    }

    @Test
    void malformedRequestsName400TheirField() {
        M1Dossier d = data.dossier("medisoft", M1DossierState.APPROVED, PlatformCalendar.today(clock).plusYears(1));
        String yesterday = PlatformCalendar.today(clock).minusDays(1).toString();
        expire(d, Map.of("expiredOn", yesterday)).statusCode(400).body("errors.field", hasItem("reason"));
        expire(d, Map.of("expiredOn", yesterday, "reason", " ")).statusCode(400)
                .body("errors.field", hasItem("reason"));
        expire(d, Map.of("reason", "no date")).statusCode(400).body("errors.field", hasItem("expiredOn"));
        expire(d, Map.of("expiredOn", "31/10/2026", "reason", "x")).statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("expiredOn"));
        expire(d, Map.of("expiredOn", yesterday, "reason", "x", "when", "now")).statusCode(400)
                .body("errors.field", hasItem("when"));
        given().contentType(ContentType.JSON).when().post(DOSSIERS + "/" + d.id() + "/expiry")
                .then().statusCode(400).contentType("application/problem+json");

        given().when().get(DOSSIERS + "/" + d.id()).then().body("state", equalTo("APPROVED"));
        assertThat(expiredRows(d)).isZero();
    }

    @Test
    void onlyAnActiveGrantCanExpire() {
        String yesterday = PlatformCalendar.today(clock).minusDays(1).toString();
        for (M1DossierState status : List.of(M1DossierState.IN_REVIEW, M1DossierState.REVOKED, M1DossierState.EXPIRED)) {
            M1Dossier d = data.dossier("medisoft", status, PlatformCalendar.today(clock).plusYears(1));
            expire(d, Map.of("expiredOn", yesterday, "reason", "x")).statusCode(409)
                    .body("type", equalTo("https://pyramid.mhealth.be/problems/illegal-transition"))
                    .body("currentState", equalTo(status.name()));
        }
        expire(data.dossier("medisoft", M1DossierState.APPROVED, PlatformCalendar.today(clock).plusYears(1)),
                Map.of("expiredOn", yesterday, "reason", "x")).statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("expiredOn", yesterday, "reason", "x"))
                .when().post(DOSSIERS + "/" + java.util.UUID.randomUUID() + "/expiry").then().statusCode(404);
    }
}
