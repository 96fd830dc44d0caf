package be.mhealth.pyramid.m3.api;

import static be.mhealth.pyramid.m3.M3Fixtures.DOSSIERS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.m3.Actors;
import be.mhealth.pyramid.m3.M3Fixtures;
import be.mhealth.pyramid.testing.AppCopyLookUps;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The vendor's side: opening, editing, submitting and withdrawing dossiers, and who may see what. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class DossierApiTest {

    @Inject
    M3Fixtures fixture;

    @Inject
    Actors actors;

    @Inject
    DataSource dataSource;

    @AfterEach
    void anonymousAgain() {
        actors.anonymous();
    }

    @Test
    void aVendorOpensADraftForItsOwnAppAtM2() {
        UUID appId = fixture.medisoftApp();
        actors.alice();

        var created = given().contentType(ContentType.JSON).body(M3Fixtures.request(appId)).post(DOSSIERS)
                .then().statusCode(201)
                .header("Location", containsString(DOSSIERS + "/"))
                .header("ETag", "\"0\"")
                .body("state", equalTo("DRAFT"))
                .body("appId", equalTo(appId.toString()))
                .body("organizationId", equalTo("medisoft"))
                .body("carePathway.fr", equalTo("Suivi du diabète de type 2"))
                .body("clinicalEvidence[0].design", equalTo("RCT"))
                .body("requestedFinancing.unit", equalTo("PER_PATIENT_PER_MONTH"))
                .body("evaluationDays", equalTo(180))
                .body("createdBy", equalTo("alice"))
                .extract();
        assertThat(created.jsonPath().getString("currentStep")).isNull();

        String id = created.path("id");
        fixture.read(UUID.fromString(id))
                .body("carePathway.nl", equalTo("Opvolging van type 2 diabetes"))
                .body("clinicalEvidence[0].patients", equalTo(240))
                .body("clinicalEvidence[0].reference", equalTo("10.1000/diab.2025.42"))
                .body("socioEconomicEvidence.costEffectiveness", equalTo("EUR 12,000 per QALY"));
        given().get(DOSSIERS + "/" + id + "/history").then().statusCode(200)
                .body("items.action", contains("CREATE"))
                .body("items[0].actor", equalTo("alice"))
                .body("items[0].to", equalTo("DRAFT"))
                .body("items[0].from", equalTo(null));
    }

    @Test
    void anAppBelowM2IsRefusedWithItsLevel() {
        UUID atM1 = fixture.app("medisoft", Level.M1);
        UUID noLevel = fixture.app("medisoft", null);
        actors.alice();

        given().contentType(ContentType.JSON).body(M3Fixtures.request(atM1)).post(DOSSIERS)
                .then().statusCode(409).contentType("application/problem+json")
                .body("currentState", equalTo("M1"));
        given().contentType(ContentType.JSON).body(M3Fixtures.request(noLevel)).post(DOSSIERS)
                .then().statusCode(409).body("currentState", equalTo("NONE"));
    }

    /** The copy follows the registry's events and can trail the catalog: opening waits (bounded) for the level. */
    @Test
    void openingWaitsForTheLevelToReachTheLocalCopy() throws Exception {
        UUID appId = fixture.app("medisoft", Level.M1);
        actors.alice();
        CompletableFuture<Integer> created;
        try (AppCopyLookUps lookUps = AppCopyLookUps.from(dataSource)) {
            created = CompletableFuture.supplyAsync(() -> given().contentType(ContentType.JSON)
                    .body(M3Fixtures.request(appId)).post(DOSSIERS).then().extract().statusCode());
            lookUps.awaitFirst();
        }
        assertThat(created).as("still waiting for M2 in the copy").isNotDone();

        fixture.levelChanged(appId, "medisoft", Level.M1, Level.M2);
        assertThat(created.get()).isEqualTo(201);
    }

    @Test
    void anAppHasOneOpenDossierAtATime() {
        UUID appId = fixture.medisoftApp();
        UUID first = fixture.submitted(appId);

        given().contentType(ContentType.JSON).body(M3Fixtures.request(appId)).post(DOSSIERS)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", containsString("dossier-exists"))
                .body("currentState", equalTo("SUBMITTED"));

        fixture.withdraw(first, "a larger study first").statusCode(200);
        given().contentType(ContentType.JSON).body(M3Fixtures.request(appId)).post(DOSSIERS)
                .then().statusCode(201).body("state", equalTo("DRAFT"));
    }

    @Test
    void aDraftIsSubmittedOnlyWhileItsAppStillStandsAtM2() {
        UUID appId = fixture.medisoftApp();
        UUID dossier = fixture.draft(appId);
        fixture.levelChanged(appId, "medisoft", Level.M2, null);

        given().post(DOSSIERS + "/" + dossier + "/submit").then().statusCode(409)
                .contentType("application/problem+json").body("currentState", equalTo("NONE"));
        fixture.read(dossier).body("state", equalTo("DRAFT"));

        fixture.levelChanged(appId, "medisoft", null, Level.M2);
        given().post(DOSSIERS + "/" + dossier + "/submit").then().statusCode(200).body("state", equalTo("SUBMITTED"));
    }

    @Test
    void anotherOrganizationsAppOrDossierDoesNotExistForTheCaller() {
        UUID appId = fixture.medisoftApp();
        UUID dossier = fixture.draft(appId);

        actors.bob();
        given().contentType(ContentType.JSON).body(M3Fixtures.request(appId)).post(DOSSIERS)
                .then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(M3Fixtures.request(UUID.randomUUID())).post(DOSSIERS)
                .then().statusCode(404);
        given().get(DOSSIERS + "/" + dossier).then().statusCode(404);
        given().post(DOSSIERS + "/" + dossier + "/submit").then().statusCode(404);
        given().get(DOSSIERS + "?size=100").then().statusCode(200)
                .body("items.id", not(hasItem(dossier.toString())));

        actors.alice();
        given().get(DOSSIERS + "?state=DRAFT&size=100").then().statusCode(200)
                .body("items.id", hasItem(dossier.toString()))
                .body("items.organizationId", not(hasItem("carelab")));
    }

    @Test
    void rolesAreChecked() {
        UUID appId = fixture.medisoftApp();
        UUID dossier = fixture.draft(appId);

        actors.anonymous();
        given().get(DOSSIERS + "/" + dossier).then().statusCode(401).contentType("application/problem+json");
        given().get("/api/v1/m3/review-queue").then().statusCode(401);

        actors.eric();
        given().get(DOSSIERS + "/" + dossier).then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("outcome", "ADMISSIBLE"))
                .post(DOSSIERS + "/" + dossier + "/decision").then().statusCode(403);

        actors.alice();
        given().contentType(ContentType.JSON).body(Map.of("outcome", "ADMISSIBLE"))
                .post(DOSSIERS + "/" + dossier + "/decision").then().statusCode(403);
        given().get("/api/v1/m3/review-queue").then().statusCode(403);

        actors.as("vera", "vendor", null);
        given().contentType(ContentType.JSON).body(M3Fixtures.request(appId)).post(DOSSIERS)
                .then().statusCode(403).body("detail", containsString("organization"));

        actors.nina();
        given().contentType(ContentType.JSON).body(M3Fixtures.request(appId)).post(DOSSIERS)
                .then().statusCode(403);
        // NIHDI does not see drafts, nor their history
        given().get(DOSSIERS + "/" + dossier).then().statusCode(404);
        given().get(DOSSIERS + "/" + dossier + "/history").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("outcome", "ADMISSIBLE"))
                .post(DOSSIERS + "/" + dossier + "/decision").then().statusCode(404);
    }

    @Test
    void badInputNamesTheField() {
        UUID appId = fixture.medisoftApp();
        actors.alice();

        Map<String, Object> noFrench = M3Fixtures.request(appId);
        noFrench.put("carePathway", Map.of("nl", "Zorgpad", "en", "Pathway"));
        given().contentType(ContentType.JSON).body(noFrench).post(DOSSIERS).then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", contains("carePathway.fr"));

        Map<String, Object> noPatients = M3Fixtures.request(appId);
        noPatients.put("clinicalEvidence", List.of(Map.of("design", "RCT", "patients", 0, "primaryOutcome", "x",
                "result", "y", "reference", "10.1/z")));
        // the shared ValidationProblemMapper puts a list index after the field (reported to the lead)
        given().contentType(ContentType.JSON).body(noPatients).post(DOSSIERS).then().statusCode(400)
                .body("errors.field", contains(anyOf(equalTo("clinicalEvidence[0].patients"),
                        equalTo("clinicalEvidence.patients[0]"))));

        Map<String, Object> badDesign = M3Fixtures.request(appId);
        badDesign.put("clinicalEvidence", List.of(Map.of("design", "CASE_STUDY", "patients", 3, "primaryOutcome", "x",
                "result", "y", "reference", "10.1/z")));
        given().contentType(ContentType.JSON).body(badDesign).post(DOSSIERS).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("clinicalEvidence[0].design"));

        Map<String, Object> badAmounts = M3Fixtures.request(appId);
        badAmounts.put("requestedFinancing", Map.of("amount", 30.123, "unit", "PER_PATIENT_PER_MONTH", "months", 0));
        badAmounts.put("socioEconomicEvidence", Map.of("budgetImpactPerYear", -1));
        given().contentType(ContentType.JSON).body(badAmounts).post(DOSSIERS).then().statusCode(400)
                .body("errors.field", contains("requestedFinancing.amount", "requestedFinancing.months",
                        "socioEconomicEvidence.budgetImpactPerYear"));

        Map<String, Object> noEvidence = M3Fixtures.request(appId);
        noEvidence.remove("clinicalEvidence");
        noEvidence.remove("appId");
        given().contentType(ContentType.JSON).body(noEvidence).post(DOSSIERS).then().statusCode(400)
                .body("errors.field", contains("appId", "clinicalEvidence"));

        Map<String, Object> unknownField = M3Fixtures.request(appId);
        unknownField.put("priority", "high");
        given().contentType(ContentType.JSON).body(unknownField).post(DOSSIERS).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("priority"));

    }

    @Test
    void updatesNeedTheCurrentETagAndOnlyDraftsOrClarificationsAreEditable() {
        UUID appId = fixture.medisoftApp();
        UUID dossier = fixture.draft(appId);
        Map<String, Object> content = M3Fixtures.request(appId);
        content.put("requestedFinancing", Map.of("amount", 28.75, "unit", "PER_PATIENT_PER_MONTH", "months", 12));

        given().contentType(ContentType.JSON).body(content).put(DOSSIERS + "/" + dossier)
                .then().statusCode(428).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(content).put(DOSSIERS + "/" + dossier)
                .then().statusCode(412);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(content).put(DOSSIERS + "/" + dossier)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("requestedFinancing.amount", equalTo(28.75f))
                .body("requestedFinancing.months", equalTo(12));

        given().header("If-Match", "\"0\"").post(DOSSIERS + "/" + dossier + "/submit").then().statusCode(412);
        given().header("If-Match", "\"1\"").post(DOSSIERS + "/" + dossier + "/submit").then().statusCode(200)
                .body("state", equalTo("SUBMITTED"));
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body(content).put(DOSSIERS + "/" + dossier)
                .then().statusCode(409).body("currentState", equalTo("SUBMITTED"));
        given().post(DOSSIERS + "/" + dossier + "/submit").then().statusCode(409)
                .body("currentState", equalTo("SUBMITTED"));

        // the dossier stays for its app
        UUID otherApp = fixture.medisoftApp();
        UUID other = fixture.draft(otherApp);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(M3Fixtures.request(appId))
                .put(DOSSIERS + "/" + other).then().statusCode(422).body("errors.field", contains("appId"));
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyReturnsTheFirstDossier() {
        UUID appId = fixture.medisoftApp();
        actors.alice();
        String key = UUID.randomUUID().toString();

        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(M3Fixtures.request(appId)).post(DOSSIERS).then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(M3Fixtures.request(appId)).post(DOSSIERS).then().statusCode(201)
                .header("Idempotency-Replayed", "true").body("id", equalTo(first));
        given().get(DOSSIERS + "?appId=" + appId).then().statusCode(200).body("total", equalTo(1))
                .body("items.id", contains(first));
    }

    @Test
    void theVendorWithdrawsAnUndecidedDossierWithAReason() {
        UUID dossier = fixture.inEvaluation(fixture.medisoftApp());
        actors.alice();

        given().contentType(ContentType.JSON).post(DOSSIERS + "/" + dossier + "/withdraw").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("reason", " "))
                .post(DOSSIERS + "/" + dossier + "/withdraw").then().statusCode(400)
                .body("errors.field", contains("reason"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "new study under way"))
                .post(DOSSIERS + "/" + dossier + "/withdraw").then().statusCode(200)
                .body("state", equalTo("WITHDRAWN"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .post(DOSSIERS + "/" + dossier + "/withdraw").then().statusCode(409)
                .body("currentState", equalTo("WITHDRAWN"));
        given().get(DOSSIERS + "/" + dossier + "/history").then().statusCode(200)
                .body("items.action", contains("CREATE", "SUBMIT", "DECLARE_ADMISSIBLE", "WITHDRAW"))
                .body("items.from", contains(null, "DRAFT", "SUBMITTED", "IN_EVALUATION"))
                .body("items[3].reason", equalTo("new study under way"))
                .body("items[3].actor", equalTo("alice"));
    }

    @Test
    void everyRouteIsDocumentedAsABearerProtectedOperationWithTheTemplatesNames() {
        var openapi = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        List<String> operationIds = new java.util.ArrayList<>();
        for (String path : List.of(DOSSIERS, DOSSIERS + "/{id}", DOSSIERS + "/{id}/history", DOSSIERS + "/{id}/submit",
                DOSSIERS + "/{id}/withdraw", DOSSIERS + "/{id}/decision", DOSSIERS + "/{id}/revocation",
                "/api/v1/m3/review-queue")) {
            Map<String, Map<String, Object>> operations = openapi.getMap("paths.'" + path + "'");
            assertThat(operations).as(path).isNotEmpty();
            operations.values().forEach(op -> {
                assertThat(op).as(path).containsKeys("summary", "tags", "responses", "operationId");
                assertThat(op.get("security")).as(path).asString().contains("oidc");
                operationIds.add((String) op.get("operationId"));
                Map<String, Object> body = openapi.getMap("paths.'" + path + "'." + (path.equals(DOSSIERS + "/{id}")
                        && op.containsKey("requestBody") ? "put" : "post") + ".requestBody.content.'application/json'");
                if (op.containsKey("requestBody")) {
                    assertThat(body).as(path + " example").containsKey("examples");
                }
            });
        }
        assertThat(operationIds).containsExactlyInAnyOrder("createM3Dossier", "listM3Dossiers", "getM3Dossier",
                "updateM3Dossier", "getM3DossierHistory", "submitM3Dossier", "withdrawM3Dossier", "decideM3Dossier",
                "revokeM3Dossier", "listM3ReviewQueue");
        assertThat(openapi.getMap("components.schemas")).containsKeys("M3Dossier", "M3DossierState", "M3DossierPage",
                "M3HistoryEntry", "M3HistoryPage", "M3DossierAction", "M3ReviewQueueEntry", "M3ReviewQueuePage",
                "M3DecisionRequest", "M3DossierRequest", "M3ReasonRequest");
        assertThat(openapi.getString("components.schemas.M3DecisionRequest.discriminator.propertyName"))
                .isEqualTo("outcome");
        assertThat(openapi.getList("components.schemas.M3DecisionRequest.oneOf")).hasSize(7);
        assertThat(openapi.getMap("paths.'" + DOSSIERS + "/{id}/decision'.post.responses")).containsKeys("200",
                "400", "401", "403", "404", "409", "412", "422");
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }
}
