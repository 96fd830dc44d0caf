package be.mhealth.pyramid.m1;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.EventType;
import be.mhealth.pyramid.events.M1Events;
import be.mhealth.pyramid.m1.domain.M1Dossier;
import be.mhealth.pyramid.m1.domain.M1DossierState;
import be.mhealth.pyramid.support.time.PlatformCalendar;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.MovableClock;
import be.mhealth.pyramid.testing.PostgresResource;
import be.mhealth.pyramid.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

/** The FAMHP assessor's side: the queue, decisions and revocations, and what they refuse. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@TestSecurity(user = "fiona", roles = "famhp-assessor")
class DecisionTest {

    private static final String DOSSIERS = "/api/v1/m1/dossiers";

    @Inject
    M1Fixtures data;

    @Inject
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private M1Dossier dossier(M1DossierState status) {
        return data.dossier("medisoft", status, PlatformCalendar.today(clock).plusYears(2));
    }

    private static ValidatableResponse decide(M1Dossier d, Map<String, ?> body) {
        return given().contentType(ContentType.JSON).body(body).when().post(DOSSIERS + "/" + d.id() + "/decision")
                .then();
    }

    @Test
    void theQueueListsTheLongestWaitingFirstInTheSharedShape() {
        Instant now = Instant.now();
        clock.setTo(now.minus(Duration.ofHours(3)));
        M1Dossier older = dossier(M1DossierState.SUBMITTED);
        clock.setTo(now.minus(Duration.ofHours(1)));
        M1Dossier newer = dossier(M1DossierState.IN_REVIEW);
        clock.reset();
        M1Dossier draft = dossier(M1DossierState.DRAFT);

        List<Map<String, Object>> items = given().queryParam("size", 100).when().get("/api/v1/m1/review-queue")
                .then().statusCode(200).extract().path("items");
        List<String> ids = items.stream().map(e -> (String) e.get("dossierId")).toList();
        assertThat(ids).contains(older.id().toString(), newer.id().toString()).doesNotContain(draft.id().toString());
        assertThat(ids.indexOf(older.id().toString())).isLessThan(ids.indexOf(newer.id().toString()));
        Map<String, Object> first = items.get(ids.indexOf(older.id().toString()));
        assertThat(first).containsOnlyKeys("dossierId", "appId", "appName", "state", "submittedAt", "waitingSince");
        assertThat(first.get("appId")).isEqualTo(older.appId().toString());
        assertThat(first.get("appName")).isEqualTo(Map.of("en", "App " + older.appId().toString().substring(0, 8)));
        assertThat(first.get("state")).isEqualTo("SUBMITTED");
        assertThat(Instant.parse((String) first.get("waitingSince"))).isEqualTo(older.waitingSince());
        assertThat(first.get("submittedAt")).isEqualTo(first.get("waitingSince"));
        assertThat(items.get(ids.indexOf(newer.id().toString())).get("state")).isEqualTo("IN_REVIEW");
        given().queryParam("size", 0).when().get("/api/v1/m1/review-queue").then().statusCode(400)
                .body("errors.field", hasItem("size"));
    }

    @Test
    void aRejectionNeedsAReasonAndIsPublished() {
        M1Dossier d = dossier(M1DossierState.SUBMITTED);
        decide(d, Map.of("outcome", "REJECTED")).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("reason"));
        decide(d, Map.of("outcome", "INFO_REQUESTED", "reason", " ")).statusCode(400)
                .body("errors.field", hasItem("reason"));
        decide(d, Map.of("outcome", "APPROVED", "reason", "x".repeat(2001))).statusCode(400)
                .body("errors.field", hasItem("reason"));
        decide(d, Map.of("outcome", "MAYBE", "reason", "?")).statusCode(400).body("errors.field", hasItem("outcome"));
        decide(d, Map.of("reason", "?")).statusCode(400).body("errors.field", hasItem("outcome"));
        given().when().get(DOSSIERS + "/" + d.id()).then().body("state", equalTo("SUBMITTED"));

        decide(d, Map.of("outcome", "REJECTED", "reason", "certificate unreadable")).statusCode(200)
                .body("state", equalTo("REJECTED"))
                .body("decisionReason", equalTo("certificate unreadable"));

        TopicReader.Event event = TopicReader.await(EventType.M1_REJECTED, d.appId());
        assertThat(event.key()).isEqualTo(d.appId().toString());
        assertThat(event.header("ce_source")).isEqualTo("/m1-ce-service");
        M1Events.M1Rejected rejected = event.payload(M1Events.M1Rejected.class);
        assertThat(rejected.dossierId()).isEqualTo(d.id());
        assertThat(rejected.reason()).isEqualTo("certificate unreadable");
        assertThat(rejected.decidedBy()).isEqualTo("fiona");
    }

    @Test
    void illegalTransitionsAre409NamingTheCurrentState() {
        decide(dossier(M1DossierState.DRAFT), Map.of("outcome", "APPROVED")).statusCode(404)
                .contentType("application/problem+json");
        for (M1DossierState status : List.of(M1DossierState.INFO_REQUESTED,
                M1DossierState.APPROVED, M1DossierState.REJECTED, M1DossierState.EXPIRED)) {
            decide(dossier(status), Map.of("outcome", "APPROVED")).statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://pyramid.mhealth.be/problems/illegal-transition"))
                    .body("currentState", equalTo(status.name()));
        }
        for (M1DossierState status : List.of(M1DossierState.SUBMITTED, M1DossierState.REVOKED)) {
            given().contentType(ContentType.JSON).body(Map.of("reason", "fraud"))
                    .when().post(DOSSIERS + "/" + dossier(status).id() + "/revocation")
                    .then().statusCode(409).body("currentState", equalTo(status.name()));
        }
    }

    @Test
    void aRevocationNeedsAReason() {
        M1Dossier d = dossier(M1DossierState.APPROVED);
        given().contentType(ContentType.JSON).body(Map.of("reason", ""))
                .when().post(DOSSIERS + "/" + d.id() + "/revocation")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        given().contentType(ContentType.JSON).when().post(DOSSIERS + "/" + d.id() + "/revocation")
                .then().statusCode(400).contentType("application/problem+json");
        given().when().get(DOSSIERS + "/" + d.id()).then().body("state", equalTo("APPROVED"));
    }

    @Test
    void anExpiredCertificateCannotBeGranted() {
        clock.setToMidday(PlatformCalendar.ZONE);
        M1Dossier d = data.dossier("medisoft", M1DossierState.SUBMITTED, PlatformCalendar.today(clock).plusDays(1));
        clock.advance(Duration.ofDays(2));
        decide(d, Map.of("outcome", "APPROVED")).statusCode(422)
                .body("errors.field", hasItem("certificate.expiresOn"));
        given().when().get(DOSSIERS + "/" + d.id()).then().body("state", equalTo("SUBMITTED"));
    }

    @Test
    void aStaleETagOnADecisionIs412() {
        M1Dossier d = dossier(M1DossierState.IN_REVIEW);
        String etag = given().when().get(DOSSIERS + "/" + d.id()).then().statusCode(200).extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", "\"9\"").body(Map.of("outcome", "APPROVED"))
                .when().post(DOSSIERS + "/" + d.id() + "/decision")
                .then().statusCode(412).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("outcome", "APPROVED", "reason", "all in order"))
                .when().post(DOSSIERS + "/" + d.id() + "/decision")
                .then().statusCode(200).body("state", equalTo("APPROVED")).body("decisionReason",
                        equalTo("all in order"));
    }
}
