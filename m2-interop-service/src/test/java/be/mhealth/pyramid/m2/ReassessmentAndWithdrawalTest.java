package be.mhealth.pyramid.m2;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.EventType;
import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.RegistryEvents.AppVersionDeclared;
import be.mhealth.pyramid.events.RegistryEvents.AppWithdrawnFromMarket;
import be.mhealth.pyramid.events.RegistryEvents.MarketWithdrawalReason;
import be.mhealth.pyramid.events.RegistryEvents.SignificantChange;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import be.mhealth.pyramid.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/**
 * Issue 15: a version with a significant change for M2 puts the grant in the eHealth platform's queue with a due
 * date (nothing falls), which confirms or revokes it; a change for M1 only does not; a market withdrawal closes the
 * app's open dossier and its grant, without a decision event.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@TestSecurity(user = "alice", roles = "vendor")
class ReassessmentAndWithdrawalTest extends M2Fixtures {

    private static final String QUEUE = "/api/v1/m2/review-queue";

    @Test
    void aSignificantChangeForM2ReachesTheQueueWithADueDateAndEhealthConfirms() {
        String id = grant();
        UUID appId = appOf(id);
        // the same app, so the same partition: once 3.0.0 shows, 2.0.0 (a change for M1 only) was applied before it
        declare(appId, "2.0.0", List.of(SignificantChange.INTENDED_PURPOSE), List.of(Level.M1));
        declare(appId, "3.0.0", List.of(SignificantChange.INTENDED_PURPOSE, SignificantChange.HOSTING,
                SignificantChange.DATA_FLOWS), List.of(Level.M1, Level.M2));

        String dueOn = today().plusDays(60).toString();
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get(DOSSIERS + "/" + id)
                .then().body("reassessment.version", equalTo("3.0.0")));
        given().get(DOSSIERS + "/" + id).then().statusCode(200)
                .body("state", equalTo("APPROVED"))
                .body("reassessment.significantChanges", equalTo(List.of("HOSTING", "DATA_FLOWS")))
                .body("reassessment.dueOn", equalTo(dueOn));
        JsonPath queue = given().queryParam("size", 100).get(QUEUE).then().statusCode(200).extract().jsonPath();
        assertThat(queue.getString("items.find { it.dossierId == '" + id + "' }.dueDate")).isEqualTo(dueOn);
        assertThat(queue.getString("items.find { it.dossierId == '" + id + "' }.state")).isEqualTo("APPROVED");
        List<Map<String, Object>> requests = history(id).stream()
                .filter(line -> "REQUEST_REASSESSMENT".equals(line.get("action"))).toList();
        assertThat(requests).as("the change for M1 only opened none").hasSize(1);
        assertThat(requests.get(0)).containsEntry("actor", "m2-interop-service").containsEntry("from", "APPROVED")
                .containsEntry("to", "APPROVED");
        assertThat((String) requests.get(0).get("reason")).contains("3.0.0", "HOSTING,DATA_FLOWS", dueOn);

        Actors.alice();
        action(id, "confirmation", Map.of("reason", "nothing changed")).statusCode(403);
        Actors.eric();
        action(id, "confirmation", Map.of()).statusCode(400);
        action(id, "confirmation", Map.of("reason", "the new hosting provider holds ISO 27001"))
                .statusCode(200).body("state", equalTo("APPROVED")).body("reassessment", nullValue())
                .body("decidedBy", equalTo("eric"));
        action(id, "confirmation", Map.of("reason", "again")).statusCode(409)
                .body("type", containsString("no-reassessment"));
        assertThat(history(id).stream().map(line -> line.get("action")).toList())
                .endsWith("APPROVE", "REQUEST_REASSESSMENT", "CONFIRM");
        assertThat(given().queryParam("size", 100).get(QUEUE).then().extract().jsonPath()
                .getList("items.dossierId", String.class)).doesNotContain(id);
    }

    @Test
    void aReassessmentCanEndInARevocation() {
        String id = grant();
        UUID appId = appOf(id);
        declare(appId, "4.1.0", List.of(SignificantChange.AUTHENTICATION), List.of(Level.M2));
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get(DOSSIERS + "/" + id)
                .then().body("reassessment.significantChanges", equalTo(List.of("AUTHENTICATION"))));

        action(id, "revocation", Map.of("reason", "the new login no longer authenticates care providers"))
                .statusCode(200).body("state", equalTo("REVOKED")).body("reassessment", nullValue());
        assertThat(TopicReader.await(EventType.M2_REVOKED, appId).key()).isEqualTo(appId.toString());
        assertThat(given().queryParam("size", 100).get(QUEUE).then().extract().jsonPath()
                .getList("items.dossierId", String.class)).doesNotContain(id);
    }

    @Test
    void aMarketWithdrawalClosesTheOpenDossierAndTheGrant() {
        String granted = grant();
        UUID grantedApp = appOf(granted);
        String open = dossierInReview(answers(true, false, false, false, false));
        UUID openApp = appOf(open);
        String elsewhere = dossierInReview(answers(true, false, false, false, false));
        withdraw(grantedApp);
        withdraw(openApp);

        Actors.eric();
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            given().get(DOSSIERS + "/" + granted).then().body("state", equalTo("CLOSED"));
            given().get(DOSSIERS + "/" + open).then().body("state", equalTo("CLOSED"));
        });
        given().get(DOSSIERS + "/" + elsewhere).then().body("state", equalTo("IN_REVIEW"));
        List<Map<String, Object>> lines = history(open);
        assertThat(lines.get(lines.size() - 1)).containsEntry("action", "CLOSE")
                .containsEntry("actor", "m2-interop-service").containsEntry("from", "IN_REVIEW")
                .containsEntry("to", "CLOSED");
        assertThat(history(granted).get(history(granted).size() - 1)).containsEntry("action", "CLOSE")
                .containsEntry("from", "APPROVED");
        assertThat(given().queryParam("size", 100).get(QUEUE).then().extract().jsonPath()
                .getList("items.dossierId", String.class)).doesNotContain(open, granted).contains(elsewhere);

        // the grant's CLOSE is published as a state change only: the registry already ended the grant
        String changed = EventType.M2_DOSSIER_STATE_CHANGED.ceType();
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                TopicReader.readAll(EventType.M2_GRANTED.topic().topicName()).stream()
                        .filter(e -> grantedApp.toString().equals(e.key())).map(TopicReader.Event::ceType).toList())
                .containsExactly(changed, changed, changed, changed, EventType.M2_GRANTED.ceType(), changed));
    }

    /** An approved dossier of a fresh medisoft app (no criterion beyond the baseline); eric is the caller after. */
    private String grant() {
        String id = dossierInReview(answers(false, false, false, false, false));
        Actors.tess();
        result(id, "SECURITY", "PASS", today().toString()).statusCode(201);
        Actors.eric();
        decide(id, "APPROVED", "all criteria passed").statusCode(200);
        return id;
    }

    private static UUID appOf(String id) {
        return UUID.fromString(given().get(DOSSIERS + "/" + id).then().statusCode(200).extract().path("appId"));
    }

    private static List<Map<String, Object>> history(String id) {
        return given().queryParam("size", 100).get(DOSSIERS + "/" + id + "/history").then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    private void declare(UUID appId, String version, List<SignificantChange> changes, List<Level> concerns) {
        TopicReader.publish(UUID.randomUUID().toString(), new AppVersionDeclared(appId, "medisoft", Level.M2,
                UUID.randomUUID(), version, today(), Map.of("nl", "n", "fr", "f", "en", "e"), changes,
                concerns, Instant.now()));
    }

    private static void withdraw(UUID appId) {
        TopicReader.publish(UUID.randomUUID().toString(), new AppWithdrawnFromMarket(appId, "medisoft", Level.M2,
                null, MarketWithdrawalReason.DISCONTINUED, "we stop", List.of(Level.M1, Level.M2), Instant.now()));
    }
}
