package be.mhealth.pyramid.m2;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Without a token: health and the public rule table answer, dossiers are a 401 problem. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class M2PlatformTest {

    @Test
    void healthIsUp() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void dossiersNeedAToken() {
        given().get("/api/v1/m2/dossiers").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        given().contentType("application/json").body("{}").post("/api/v1/m2/dossiers/" + java.util.UUID.randomUUID()
                + "/decision").then().statusCode(401);
    }

    @Test
    void theRuleTableIsPublic() {
        given().get("/api/v1/m2/criteria-rules").then().statusCode(200)
                .body("rules.size()", equalTo(9));
    }

    @Test
    void theOpenApiDocumentNamesEverythingTheTemplatesWay() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/m2/dossiers'.post.operationId", equalTo("createM2Dossier"))
                .body("paths.'/api/v1/m2/dossiers'.get.operationId", equalTo("listM2Dossiers"))
                .body("paths.'/api/v1/m2/dossiers/{id}'.get.operationId", equalTo("getM2Dossier"))
                .body("paths.'/api/v1/m2/dossiers/{id}/history'.get.operationId", equalTo("getM2DossierHistory"))
                .body("paths.'/api/v1/m2/dossiers/{id}/decision'.post.operationId", equalTo("decideM2Dossier"))
                .body("paths.'/api/v1/m2/dossiers/{id}/revocation'.post.operationId", equalTo("revokeM2Dossier"))
                .body("paths.'/api/v1/m2/review-queue'.get.operationId", equalTo("listM2ReviewQueue"))
                .body("paths.'/api/v1/m2/review-queue'.get.x-pyramid-roles", hasItem("ehealth-assessor"))
                .body("paths.'/api/v1/m2/criteria-rules'.get.security.size()", equalTo(0))
                .body("paths.'/api/v1/m2/dossiers'.post.responses.'201'.headers.Location.schema.type",
                        equalTo("string"))
                .body("paths.'/api/v1/m2/dossiers/{id}/decision'.post.responses.'409'.'$ref'",
                        equalTo("#/components/responses/Conflict"))
                .body("components.schemas", hasKey("M2Dossier"))
                .body("components.schemas", hasKey("M2DossierState"))
                .body("components.schemas", hasKey("M2DossierPage"))
                .body("components.schemas", hasKey("M2HistoryEntry"))
                .body("components.schemas", hasKey("M2DossierAction"))
                .body("components.schemas", hasKey("M2ReviewQueueEntry"))
                .body("components.schemas", not(hasKey("DossierState")))
                .body("components.schemas.M2DecisionRequest.discriminator.propertyName", equalTo("outcome"))
                .body("components.schemas.M2Rejection.required", hasItem("reason"))
                .body("components.schemas.M2ReviewQueueEntry.properties", hasKey("dueDate"))
                .body("components.schemas.M2ReviewQueueEntry.required", not(hasItem("dueDate")))
                .body("paths.'/api/v1/m2/dossiers/{id}/confirmation'.post.operationId", equalTo("confirmM2Grant"))
                .body("components.schemas.M2Dossier.properties", hasKey("reassessment"))
                .body("components.schemas.M2Reassessment.required", hasItem("dueOn"))
                .body("components.schemas.M2HistoryEntry.required", hasItem("action"))
                .body("components.schemas.M2DossierRequest.required", hasItem("riskAssessment"));
    }
}
