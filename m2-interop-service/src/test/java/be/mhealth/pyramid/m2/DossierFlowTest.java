package be.mhealth.pyramid.m2;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.testing.AppCopyLookUps;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** The vendor's side: the rule table, the level check, ownership, edits with ETags, idempotency. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@TestSecurity(user = "alice", roles = "vendor")
@OidcSecurity(claims = @Claim(key = "organization", value = "medisoft"))
class DossierFlowTest extends M2Fixtures {

    @Inject
    DataSource dataSource;

    @Test
    void eachAnswerPatternRequiresItsCriteria() {
        UUID appId = registeredApp("medisoft", Level.M1);
        ExtractableResponse<Response> created = create(appId, answers(false, false, false, false, false))
                .statusCode(201)
                .header("Location", containsString(DOSSIERS + "/"))
                .body("state", equalTo("DRAFT"))
                .body("requiredCriteria.criterion", contains("SECURITY"))
                .body("requiredCriteria[0].reason", containsString("every M2 app"))
                .extract();
        String id = created.path("id");
        String etag = created.header("ETag");

        etag = expectCriteria(appId, id, etag, answers(true, false, false, false, false), "SECURITY");
        etag = expectCriteria(appId, id, etag, answers(false, true, false, false, false),
                "AUTHENTICATION", "IDENTIFICATION", "SECURITY");
        etag = expectCriteria(appId, id, etag, answers(false, false, true, false, false),
                "RELATIONSHIP", "SECURITY", "INTEROPERABILITY");
        etag = expectCriteria(appId, id, etag, answers(false, false, false, true, false), "SECURITY");
        etag = expectCriteria(appId, id, etag, answers(false, false, false, false, true), "AUTHENTICATION", "SECURITY");
        etag = expectCriteria(appId, id, etag, answers(true, true, true, true, true),
                "AUTHENTICATION", "IDENTIFICATION", "RELATIONSHIP", "SECURITY", "INTEROPERABILITY");

        // every reason of a criterion is listed
        String security = given().get(DOSSIERS + "/" + id).then().statusCode(200)
                .extract().path("requiredCriteria.find { it.criterion == 'SECURITY' }.reason");
        assertThat(security).contains("every M2 app", "personal health data", "care providers", "eHealthBox");
        given().get(DOSSIERS + "/" + id).then()
                .body("riskAssessment.sendsDataToThirdParties", equalTo(true))
                .body("requiredCriteria.find { it.criterion == 'INTEROPERABILITY' }.reason", containsString("FHIR R4"));
    }

    private String expectCriteria(UUID appId, String id, String etag, Map<String, Object> answers,
            String... criteria) {
        return json().header("If-Match", etag).body(Map.of("appId", appId.toString(), "riskAssessment", answers))
                .put(DOSSIERS + "/" + id).then()
                .statusCode(200)
                .body("requiredCriteria.criterion", contains((Object[]) criteria))
                .extract().header("ETag");
    }

    @Test
    void theRuleTableIsPublishedAndDocumented() {
        given().get("/api/v1/m2/criteria-rules").then().statusCode(200)
                .body("criteria.criterion", contains("AUTHENTICATION", "IDENTIFICATION", "RELATIONSHIP", "SECURITY",
                        "INTEROPERABILITY"))
                .body("rules.find { it.when == 'always' }.criterion", equalTo("SECURITY"))
                .body("rules.findAll { it.when == 'identifiesPatient' }.criterion",
                        contains("IDENTIFICATION", "AUTHENTICATION"));
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/m2/criteria-rules'.get.description",
                        containsString("| exchangesWithCareProviders = true | RELATIONSHIP |"))
                .body("paths.'/api/v1/m2/dossiers'.post.responses.'409'.'$ref'",
                        equalTo("#/components/responses/Conflict"))
                .body("components.responses.Conflict.content.'application/problem+json'.schema.'$ref'",
                        containsString("Problem"));
    }

    @Test
    void anAppBelowM1CannotOpenADossier() {
        UUID noLevel = registeredApp("medisoft", null);
        create(noLevel, answers(true, false, false, false, false))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("level-too-low"))
                .body("currentState", equalTo("NONE"))
                .body("detail", containsString("M1"));
    }

    /** The copy follows the registry's events and can trail the catalog: opening waits (bounded) for the level. */
    @Test
    void openingWaitsForTheLevelToReachTheLocalCopy() throws Exception {
        UUID appId = registeredApp("medisoft", null);
        CompletableFuture<Integer> created;
        try (AppCopyLookUps lookUps = AppCopyLookUps.from(dataSource)) {
            created = CompletableFuture.supplyAsync(
                    () -> create(appId, answers(true, false, false, false, false)).extract().statusCode());
            lookUps.awaitFirst();
        }
        assertThat(created).as("still waiting for M1 in the copy").isNotDone();

        changeLevel(appId, "medisoft", null, Level.M1);
        assertThat(created.get()).isEqualTo(201);
    }

    @Test
    void aVendorSeesOnlyItsOwnAppsAndDossiers() {
        UUID appId = registeredApp("medisoft", Level.M1);
        String id = createdDossier(appId, answers(true, false, false, false, false));

        Actors.bob();
        given().get(DOSSIERS + "/" + id).then().statusCode(404).contentType("application/problem+json");
        given().get(DOSSIERS + "/" + id + "/history").then().statusCode(404);
        given().get(DOSSIERS + "/" + id + "/test-results").then().statusCode(404);
        action(id, "submit", Map.of()).statusCode(404);
        action(id, "withdraw", Map.of("reason", "no longer needed")).statusCode(404);
        create(appId, answers(true, false, false, false, false)).statusCode(404)
                .body("detail", containsString(appId.toString()));
        given().get(DOSSIERS).then().statusCode(200).body("items.id", not(hasItem(id)))
                .body("items.organizationId", everyItem(equalTo("carelab")));

        Actors.alice();
        given().get(DOSSIERS + "?appId=" + appId).then().statusCode(200)
                .body("items.id", contains(id)).body("total", equalTo(1));
    }

    @Test
    void reviewersSeeNoDraftsAndVendorsMayNotReview() {
        UUID appId = registeredApp("medisoft", Level.M1);
        String id = createdDossier(appId, answers(true, false, false, false, false));

        decide(id, "APPROVED", null).statusCode(403).contentType("application/problem+json");
        result(id, "SECURITY", "PASS", "2026-01-10").statusCode(403);
        action(id, "review", Map.of()).statusCode(403);
        action(id, "revocation", Map.of("reason", "x")).statusCode(403);

        Actors.eric();
        given().get(DOSSIERS + "/" + id).then().statusCode(404);
        create(appId, answers(true, false, false, false, false)).statusCode(403);

        Actors.alice();
        action(id, "submit", Map.of()).statusCode(200).body("state", equalTo("SUBMITTED"));
        Actors.eric();
        given().get(DOSSIERS + "/" + id).then().statusCode(200).body("state", equalTo("SUBMITTED"));
        given().get(DOSSIERS + "?state=SUBMITTED&size=100").then().statusCode(200).body("items.id", hasItem(id));
        result(id, "SECURITY", "PASS", "2026-01-10").statusCode(403);
        Actors.tess();
        decide(id, "APPROVED", null).statusCode(403);
        given().get(DOSSIERS + "/" + id).then().statusCode(200);
    }

    @Test
    void updatesNeedTheCurrentETagAndOnlyWhileEditable() {
        UUID appId = registeredApp("medisoft", Level.M1);
        ExtractableResponse<Response> created = create(appId, answers(true, false, false, false, false))
                .statusCode(201).extract();
        String id = created.path("id");
        String etag = created.header("ETag");
        Map<String, Object> body = Map.of("appId", appId.toString(), "riskAssessment",
                answers(true, true, false, false, false));

        json().body(body).put(DOSSIERS + "/" + id).then().statusCode(428).body("type", containsString("precondition"));
        json().header("If-Match", "\"99\"").body(body).put(DOSSIERS + "/" + id).then().statusCode(412);
        String next = json().header("If-Match", etag).body(body).put(DOSSIERS + "/" + id).then().statusCode(200)
                .extract().header("ETag");
        assertThat(next).isNotEqualTo(etag);
        json().header("If-Match", etag).body(body).put(DOSSIERS + "/" + id).then().statusCode(412);
        // the app of a dossier never changes
        json().header("If-Match", next).body(Map.of("appId", UUID.randomUUID().toString(), "riskAssessment",
                answers(true, true, false, false, false))).put(DOSSIERS + "/" + id).then().statusCode(422)
                .body("errors.field", contains("appId"));

        action(id, "submit", Map.of()).statusCode(200);
        json().header("If-Match", "*").body(body).put(DOSSIERS + "/" + id).then().statusCode(409)
                .body("currentState", equalTo("SUBMITTED"));
        create(appId, answers(false, false, false, false, false)).statusCode(409)
                .body("type", containsString("dossier-exists"));

        action(id, "withdraw", Map.of()).statusCode(400).body("errors.field", contains("reason"));
        action(id, "withdraw", Map.of("reason", "wrong app")).statusCode(200).body("state", equalTo("WITHDRAWN"));
        action(id, "withdraw", Map.of("reason", "no longer needed")).statusCode(409).body("currentState", equalTo("WITHDRAWN"));
        given().get(DOSSIERS + "/" + id + "/history").then().statusCode(200)
                .body("items.action", contains("CREATE", "SUBMIT", "WITHDRAW"))
                .body("items.actor", everyItem(equalTo("alice")))
                .body("items[0].from", equalTo(null))
                .body("items[2].reason", equalTo("wrong app"))
                .body("items[2].from", equalTo("SUBMITTED"))
                .body("items[2].to", equalTo("WITHDRAWN"))
                .body("items[2].at", not(equalTo(null)))
                .body("total", equalTo(3));
        // a withdrawn dossier no longer blocks a new one
        create(appId, answers(false, false, false, false, false)).statusCode(201);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        UUID appId = registeredApp("medisoft", Level.M1);
        Map<String, Object> incomplete = answers(true, false, false, false, false);
        incomplete.remove("identifiesPatient");
        create(appId, incomplete).statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("riskAssessment.identifiesPatient"));
        Map<String, Object> unknown = answers(true, false, false, false, false);
        unknown.put("usesBlockchain", true);
        create(appId, unknown).statusCode(400).body("errors.field", contains("riskAssessment.usesBlockchain"));
        json().body(Map.of("riskAssessment", answers(true, false, false, false, false))).post(DOSSIERS).then()
                .statusCode(400).body("errors.field", contains("appId"));
        given().get(DOSSIERS + "?size=500").then().statusCode(400).body("errors.field", contains("size"));
        given().get(DOSSIERS + "?state=GRANTED").then().statusCode(400).body("errors.field", contains("state"));
        String id = createdDossier(appId, answers(true, false, false, false, false));
        action(id, "withdraw", Map.of("reason", "x".repeat(2001))).statusCode(400)
                .body("errors.field", contains("reason"));
        given().get(DOSSIERS + "/" + id).then().body("state", equalTo("DRAFT"));
    }

    @Test
    void aRetriedCreateWithTheSameKeyOpensOneDossier() {
        UUID appId = registeredApp("medisoft", Level.M1);
        Map<String, Object> body = Map.of("appId", appId.toString(),
                "riskAssessment", answers(true, false, false, false, false));
        String key = UUID.randomUUID().toString();
        String first = json().header("Idempotency-Key", key).body(body).post(DOSSIERS).then().statusCode(201)
                .extract().path("id");
        String second = json().header("Idempotency-Key", key).body(body).post(DOSSIERS).then().statusCode(201)
                .header("Idempotency-Replayed", "true").extract().path("id");
        assertThat(second).isEqualTo(first);
        List<String> ids = given().get(DOSSIERS + "?appId=" + appId).then().extract().path("items.id");
        assertThat(ids).containsExactly(first);
    }
}
