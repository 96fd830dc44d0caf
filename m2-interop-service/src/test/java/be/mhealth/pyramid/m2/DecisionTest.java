package be.mhealth.pyramid.m2;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.EventType;
import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.M2Events;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import be.mhealth.pyramid.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

/** Test-centre results, the eHealth review and the decision events. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@TestSecurity(user = "alice", roles = "vendor")
@OidcSecurity(claims = @Claim(key = "organization", value = "medisoft"))
class DecisionTest extends M2Fixtures {

    private static final Map<String, Object> PATIENT_APP = answers(true, true, false, false, false);

    @Test
    void aLaterResultSupersedesTheEarlierAndBothAreKept() {
        UUID appId = registeredApp("medisoft", Level.M1);
        String id = createdDossier(appId, PATIENT_APP);

        Actors.tess();
        result(id, "SECURITY", "PASS", "2026-01-05").statusCode(404); // a draft is not visible to test centres
        Actors.alice();
        action(id, "submit", Map.of()).statusCode(200);

        Actors.tess();
        String first = result(id, "SECURITY", "FAIL", "2026-01-05").statusCode(201)
                .body("current", equalTo(true)).body("recordedBy", equalTo("tess")).extract().path("id");
        String second = result(id, "SECURITY", "PASS", "2026-01-20").statusCode(201).extract().path("id");
        result(id, "IDENTIFICATION", "PASS", "2026-01-20").statusCode(201);

        given().get(DOSSIERS + "/" + id + "/test-results").then().statusCode(200)
                .body("items.criterion", contains("IDENTIFICATION", "SECURITY", "SECURITY"))
                .body("items.find { it.id == '" + first + "' }.current", equalTo(false))
                .body("items.find { it.id == '" + first + "' }.supersededBy", equalTo(second))
                .body("items.find { it.id == '" + first + "' }.result", equalTo("FAIL"))
                .body("items.find { it.id == '" + second + "' }.current", equalTo(true))
                .body("items.find { it.id == '" + second + "' }.reportReference", equalTo("RPT-SECURITY-PASS"));

        // only required criteria, not in the future, not older than the current result
        result(id, "INTEROPERABILITY", "PASS", "2026-01-20").statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("criterion"))
                .body("errors[0].message", containsString("AUTHENTICATION"));
        result(id, "SECURITY", "PASS", today().plusDays(3).toString()).statusCode(422)
                .body("errors.field", contains("testedOn"));
        result(id, "SECURITY", "FAIL", "2026-01-01").statusCode(422).body("errors.field", contains("testedOn"));
        result(id, "SECRECY", "PASS", "2026-01-20").statusCode(400).body("errors.field", contains("criterion"));
        json().body(Map.of("criterion", "SECURITY", "result", "PASS")).post(DOSSIERS + "/" + id + "/test-results")
                .then().statusCode(400).body("errors.field", contains("reportReference", "testCentre", "testedOn"));
        given().get(DOSSIERS + "/" + id + "/test-results").then().body("items.size()", equalTo(3));

        Actors.alice();
        given().get(DOSSIERS + "/" + id + "/test-results").then().statusCode(200).body("items.size()", equalTo(3));
        action(id, "withdraw", Map.of("reason", "stop")).statusCode(200);
        Actors.tess();
        result(id, "SECURITY", "PASS", "2026-01-21").statusCode(409).body("currentState", equalTo("WITHDRAWN"));
    }

    @Test
    void approvalNeedsAPassForEveryRequiredCriterionAndPublishesTheGrant() {
        String id = dossierInReview(PATIENT_APP);
        UUID appId = UUID.fromString(given().get(DOSSIERS + "/" + id).then().extract().path("appId"));

        decide(id, "APPROVED", null).statusCode(409).contentType("application/problem+json")
                .body("type", containsString("criteria-not-passed"))
                .body("detail", containsString("AUTHENTICATION (no result)"))
                .body("detail", containsString("IDENTIFICATION (no result)"))
                .body("detail", containsString("SECURITY (no result)"));

        Actors.tess();
        result(id, "AUTHENTICATION", "PASS", "2026-02-01").statusCode(201);
        result(id, "IDENTIFICATION", "PASS", "2026-02-01").statusCode(201);
        result(id, "SECURITY", "FAIL", "2026-02-01").statusCode(201);
        Actors.eric();
        decide(id, "APPROVED", null).statusCode(409)
                .body("detail", containsString("SECURITY (FAIL)"))
                .body("detail", not(containsString("AUTHENTICATION")))
                .body("currentState", equalTo("IN_REVIEW"));
        given().get(DOSSIERS + "/" + id + "/test-results").then().statusCode(200)
                .body("items.findAll { it.current && it.result == 'PASS' }.criterion",
                        contains("AUTHENTICATION", "IDENTIFICATION"));
        given().get("/api/v1/m2/review-queue?size=100").then().statusCode(200)
                .body("items.find { it.dossierId == '" + id + "' }.state", equalTo("IN_REVIEW"))
                .body("items.find { it.dossierId == '" + id + "' }.appName.en", equalTo("App " + appId))
                .body("items.find { it.dossierId == '" + id + "' }.waitingSince", not(equalTo(null)))
                .body("items.find { it.dossierId == '" + id + "' }", not(org.hamcrest.Matchers.hasKey("dueDate")));
        Actors.alice();
        given().get("/api/v1/m2/review-queue").then().statusCode(403);
        Actors.eric();

        Actors.tess();
        result(id, "SECURITY", "PASS", "2026-02-03").statusCode(201);
        Actors.eric();
        String etag = given().get(DOSSIERS + "/" + id).then().extract().header("ETag");
        json().header("If-Match", "\"0\"").body(Map.of("outcome", "APPROVED")).post(DOSSIERS + "/" + id + "/decision")
                .then().statusCode(412);
        json().header("If-Match", etag).body(Map.of("outcome", "APPROVED", "reason", "all criteria passed"))
                .post(DOSSIERS + "/" + id + "/decision").then().statusCode(200)
                .body("state", equalTo("APPROVED")).body("decidedBy", equalTo("eric"));

        TopicReader.Event granted = TopicReader.await(EventType.M2_GRANTED, appId);
        assertThat(granted.key()).isEqualTo(appId.toString());
        assertThat(granted.header("ce_type")).isEqualTo("be.mhealth.pyramid.m2.granted.v1");
        assertThat(granted.header("ce_source")).isEqualTo("/m2-interop-service");
        assertThat(granted.header("ce_specversion")).isEqualTo("1.0");
        assertThat(granted.header("ce_id")).isNotBlank();
        M2Events.M2Granted payload = granted.payload(M2Events.M2Granted.class);
        assertThat(payload.dossierId()).isEqualTo(UUID.fromString(id));
        assertThat(payload.criteriaMet()).containsExactly("AUTHENTICATION", "IDENTIFICATION", "SECURITY");
        assertThat(payload.decidedBy()).isEqualTo("eric");

        Actors.alice();
        action(id, "withdraw", Map.of("reason", "no longer needed")).statusCode(409).body("currentState", equalTo("APPROVED"));
        Actors.eric();
        action(id, "revocation", Map.of()).statusCode(400).body("errors.field", contains("reason"));
        action(id, "revocation", Map.of("reason", "eHealth certificate compromised")).statusCode(200)
                .body("state", equalTo("REVOKED"));
        action(id, "revocation", Map.of("reason", "again")).statusCode(409).body("currentState", equalTo("REVOKED"));

        M2Events.M2Revoked revoked = TopicReader.await(EventType.M2_REVOKED, appId).payload(M2Events.M2Revoked.class);
        assertThat(revoked.reason()).isEqualTo("eHealth certificate compromised");
        assertThat(revoked.decidedBy()).isEqualTo("eric");
        // one topic, in the order of the changes: each state change, and the registry's facts after theirs
        String changed = EventType.M2_DOSSIER_STATE_CHANGED.ceType();
        assertThat(TopicReader.readAll(EventType.M2_GRANTED.topic().topicName()).stream()
                .filter(e -> appId.toString().equals(e.key())).map(TopicReader.Event::ceType).toList())
                .containsExactly(changed, changed, changed, changed, "be.mhealth.pyramid.m2.granted.v1", changed,
                        "be.mhealth.pyramid.m2.revoked.v1"); // CREATE, SUBMIT, START_REVIEW, APPROVE, grant, REVOKE

        given().get(DOSSIERS + "/" + id + "/history").then().statusCode(200)
                .body("items.action", contains("CREATE", "SUBMIT", "START_REVIEW", "APPROVE", "REVOKE"))
                .body("items.actor", contains("alice", "alice", "eric", "eric", "eric"))
                .body("items[3].reason", equalTo("all criteria passed"))
                .body("items[4].from", equalTo("APPROVED"))
                .body("items[4].to", equalTo("REVOKED"));
    }

    @Test
    void approvalIsRefusedWhenTheAppFellBelowM1() {
        String id = dossierInReview(answers(false, false, false, false, false));
        UUID appId = UUID.fromString(given().get(DOSSIERS + "/" + id).then().extract().path("appId"));
        Actors.tess();
        result(id, "SECURITY", "PASS", "2026-02-01").statusCode(201);

        changeLevel(appId, "medisoft", Level.M1, null);
        Actors.eric();
        decide(id, "APPROVED", null).statusCode(409)
                .body("type", containsString("level-too-low")).body("currentState", equalTo("NONE"));

        changeLevel(appId, "medisoft", null, Level.M1);
        decide(id, "APPROVED", null).statusCode(200).body("state", equalTo("APPROVED"));
    }

    @Test
    void rejectionAndInformationRequestsNeedAReason() {
        String id = dossierInReview(PATIENT_APP);
        UUID appId = UUID.fromString(given().get(DOSSIERS + "/" + id).then().extract().path("appId"));

        decide(id, "INFO_REQUESTED", null).statusCode(400).body("errors.field", contains("reason"));
        decide(id, "INFO_REQUESTED", " ").statusCode(400).body("errors.field", contains("reason"));
        decide(id, "MAYBE", "x").statusCode(400).body("errors.field", contains("outcome"));
        decide(id, "INFO_REQUESTED", "does the app share data with GPs?").statusCode(200)
                .body("state", equalTo("INFO_REQUESTED"));

        Actors.alice();
        String etag = given().get(DOSSIERS + "/" + id).then().extract().header("ETag");
        json().header("If-Match", etag).body(Map.of("appId", appId.toString(),
                        "riskAssessment", answers(true, true, true, false, false)))
                .put(DOSSIERS + "/" + id).then().statusCode(200)
                .body("requiredCriteria.criterion",
                        contains("AUTHENTICATION", "IDENTIFICATION", "RELATIONSHIP", "SECURITY", "INTEROPERABILITY"));
        action(id, "submit", Map.of()).statusCode(200).body("state", equalTo("IN_REVIEW"));

        Actors.eric();
        decide(id, "REJECTED", null).statusCode(400).body("errors.field", contains("reason"));
        decide(id, "REJECTED", "no therapeutic-link check").statusCode(200).body("state", equalTo("REJECTED"))
                .body("decisionReason", equalTo("no therapeutic-link check"));
        decide(id, "APPROVED", null).statusCode(409).body("currentState", equalTo("REJECTED"));

        TopicReader.Event rejected = TopicReader.await(EventType.M2_REJECTED, appId);
        assertThat(rejected.key()).isEqualTo(appId.toString());
        assertThat(rejected.header("ce_source")).isEqualTo("/m2-interop-service");
        assertThat(rejected.payload(M2Events.M2Rejected.class).reason()).isEqualTo("no therapeutic-link check");

        List<String> actions = given().get(DOSSIERS + "/" + id + "/history").then().statusCode(200)
                .body("items.find { it.action == 'REQUEST_INFO' }.reason", equalTo("does the app share data with GPs?"))
                .extract().path("items.action");
        assertThat(actions).containsExactly("CREATE", "SUBMIT", "START_REVIEW", "REQUEST_INFO", "SUBMIT", "REJECT");
    }

    @Test
    void aDecisionOnASubmittedDossierTakesItIntoReviewFirst() {
        UUID appId = registeredApp("medisoft", Level.M1);
        String id = createdDossier(appId, PATIENT_APP);
        given().post(DOSSIERS + "/" + id + "/submit").then().statusCode(200).body("state", equalTo("SUBMITTED"));
        Actors.eric();
        decide(id, "REJECTED", "no eHealth connection yet").statusCode(200).body("state", equalTo("REJECTED"));
        given().get(DOSSIERS + "/" + id + "/history").then()
                .body("items.action", contains("CREATE", "SUBMIT", "START_REVIEW", "REJECT"))
                .body("items[2].actor", equalTo("eric"));
        decide(id, "APPROVED", null).statusCode(409).body("currentState", equalTo("REJECTED"));
        action(id, "review", Map.of()).statusCode(409).body("currentState", equalTo("REJECTED"));
    }
}
