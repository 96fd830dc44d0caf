package be.mhealth.pyramid.m2;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.DossierEvents;
import be.mhealth.pyramid.events.EventType;
import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import be.mhealth.pyramid.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

/**
 * Drafts are private to their organization: the eHealth platform and test centres never see one — not in lists,
 * reads, history, test results or the queue — even after it was withdrawn unsubmitted. Every transition is published
 * as {@code m2.dossier-state-changed}, with the kind of actor and never a name.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@TestSecurity(user = "alice", roles = "vendor")
@OidcSecurity(claims = @Claim(key = "organization", value = "medisoft"))
class DossierAccessTest extends M2Fixtures {

    @Test
    void reviewersNeverSeeADraft() {
        UUID appId = registeredApp("medisoft", Level.M1);
        String draft = createdDossier(appId, answers(true, false, false, false, false));
        for (Runnable reviewer : List.<Runnable>of(Actors::eric, Actors::tess)) {
            reviewer.run();
            given().get(DOSSIERS + "/" + draft).then().statusCode(404).contentType("application/problem+json");
            given().get(DOSSIERS + "/" + draft + "/history").then().statusCode(404);
            given().get(DOSSIERS + "/" + draft + "/test-results").then().statusCode(404);
            given().get(DOSSIERS + "?size=100&appId=" + appId).then().statusCode(200).body("total", equalTo(0));
            given().get(DOSSIERS + "?size=100&state=DRAFT").then().statusCode(200)
                    .body("items.id", not(hasItem(draft)));
            given().get("/api/v1/m2/review-queue?size=100").then().statusCode(200)
                    .body("items.dossierId", not(hasItem(draft)));
        }
        Actors.eric();
        action(draft, "review", Map.of()).statusCode(404);
        decide(draft, "REJECTED", "not submitted").statusCode(404);

        // withdrawn before submission: still never seen
        Actors.alice();
        action(draft, "withdraw", Map.of("reason", "opened by mistake")).statusCode(200);
        Actors.eric();
        given().get(DOSSIERS + "/" + draft).then().statusCode(404);
        given().get(DOSSIERS + "/" + draft + "/history").then().statusCode(404);

        // once submitted, the dossier and its whole history are the reviewers'
        Actors.alice();
        String submitted = createdDossier(appId, answers(true, false, false, false, false));
        action(submitted, "submit", Map.of()).statusCode(200);
        Actors.tess();
        given().get(DOSSIERS + "/" + submitted + "/history").then().statusCode(200)
                .body("items.action", org.hamcrest.Matchers.contains("CREATE", "SUBMIT"));
        given().get("/api/v1/m2/review-queue?size=100").then().statusCode(200)
                .body("items.dossierId", hasItem(submitted));
    }

    @Test
    void everyTransitionIsPublishedWithTheKindOfActorAndNeverAName() {
        String id = dossierInReview(answers(false, false, false, false, false));
        UUID appId = UUID.fromString(given().get(DOSSIERS + "/" + id).then().extract().path("appId"));
        decide(id, "INFO_REQUESTED", "which eHealth services?").statusCode(200);
        Actors.alice();
        action(id, "submit", Map.of()).statusCode(200).body("state", equalTo("IN_REVIEW"));
        Actors.tess();
        result(id, "SECURITY", "PASS", "2026-02-01").statusCode(201);
        Actors.eric();
        decide(id, "APPROVED", null).statusCode(200);

        List<DossierEvents.DossierStateChanged> changes = Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> stateChangesOf(appId, id), c -> c.size() >= 6);
        assertThat(changes).extracting(DossierEvents.DossierStateChanged::action).containsExactly("CREATE", "SUBMIT",
                "START_REVIEW", "REQUEST_INFO", "SUBMIT", "APPROVE");
        assertThat(changes).extracting(DossierEvents.DossierStateChanged::to).containsExactly("DRAFT", "SUBMITTED",
                "IN_REVIEW", "INFO_REQUESTED", "IN_REVIEW", "APPROVED");
        assertThat(changes).extracting(DossierEvents.DossierStateChanged::actedBy).containsExactly("VENDOR",
                "VENDOR", "AUTHORITY", "AUTHORITY", "VENDOR", "AUTHORITY");
        assertThat(changes.get(0).from()).isNull();
        assertThat(changes).allSatisfy(c -> {
            assertThat(c.level()).isEqualTo(Level.M2);
            assertThat(c.organizationId()).isEqualTo("medisoft");
            assertThat(c.reason()).isNotBlank();
        });
        assertThat(TopicReader.readAll(EventType.M2_DOSSIER_STATE_CHANGED.topic().topicName()).stream()
                .filter(e -> appId.toString().equals(e.key())
                        && EventType.M2_DOSSIER_STATE_CHANGED.ceType().equals(e.ceType()))
                .map(TopicReader.Event::value))
                .isNotEmpty().noneMatch(v -> v.contains("alice") || v.contains("eric") || v.contains("tess"));
    }

    private static List<DossierEvents.DossierStateChanged> stateChangesOf(UUID app, String dossierId) {
        return TopicReader.readAll(EventType.M2_DOSSIER_STATE_CHANGED.topic().topicName()).stream()
                .filter(e -> app.toString().equals(e.key())
                        && EventType.M2_DOSSIER_STATE_CHANGED.ceType().equals(e.ceType()))
                .map(e -> e.payload(DossierEvents.DossierStateChanged.class))
                .filter(c -> c.dossierId().toString().equals(dossierId))
                .toList();
    }
}
