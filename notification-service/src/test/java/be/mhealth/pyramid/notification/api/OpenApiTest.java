package be.mhealth.pyramid.notification.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * The service's own document, as the gateway merges it (the gateway's MergedOpenApiDocumentTest validates the merge):
 * verb-first operation ids, the shared problem responses and roles, typed headers, required fields, examples.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class OpenApiTest {

    private static final String PROBLEM = "#/components/responses/";
    private static final String ONE = "/api/v1/webhooks/{id}";

    @Test
    void everyOperationIsNamedTypedAndItsProblemsAreTheSharedOnes() {
        ValidatableResponse api = given().when().get("/q/openapi?format=json").then().statusCode(200);
        api.body("paths.'/api/v1/webhooks'.post.operationId", equalTo("createWebhookSubscription"))
                .body("paths.'/api/v1/webhooks'.get.operationId", equalTo("listWebhookSubscriptions"))
                .body("paths.'/api/v1/webhooks/event-types'.get.operationId", equalTo("listWebhookEventTypes"))
                .body("paths.'" + ONE + "'.get.operationId", equalTo("getWebhookSubscription"))
                .body("paths.'" + ONE + "'.put.operationId", equalTo("updateWebhookSubscription"))
                .body("paths.'" + ONE + "'.delete.operationId", equalTo("deleteWebhookSubscription"))
                .body("paths.'" + ONE + "/pause'.post.operationId", equalTo("pauseWebhookSubscription"))
                .body("paths.'" + ONE + "/resume'.post.operationId", equalTo("resumeWebhookSubscription"))
                .body("paths.'" + ONE + "/test'.post.operationId", equalTo("sendWebhookTestDelivery"))
                .body("paths.'" + ONE + "/deliveries'.get.operationId", equalTo("listWebhookDeliveries"))
                .body("paths.'" + ONE + "/deliveries/{deliveryId}'.get.operationId", equalTo("getWebhookDelivery"))
                .body("paths.'" + ONE + "/deliveries/{deliveryId}/replay'.post.operationId",
                        equalTo("replayWebhookDelivery"));

        // Problems: the shared named responses only, derived by the shared filter.
        api.body("paths.'/api/v1/webhooks'.post.responses.'400'.'$ref'", equalTo(PROBLEM + "BadRequest"))
                .body("paths.'/api/v1/webhooks'.post.responses.'401'.'$ref'", equalTo(PROBLEM + "Unauthorized"))
                .body("paths.'/api/v1/webhooks'.post.responses.'422'.'$ref'", equalTo(PROBLEM + "Unprocessable"))
                .body("paths.'" + ONE + "'.put.responses.'412'.'$ref'", equalTo(PROBLEM + "PreconditionFailed"))
                .body("paths.'" + ONE + "'.put.responses.'428'.'$ref'", equalTo(PROBLEM + "PreconditionRequired"))
                .body("paths.'" + ONE + "'.get.responses.'404'.'$ref'", equalTo(PROBLEM + "NotFound"))
                .body("paths.'" + ONE + "/test'.post.responses.'409'.'$ref'", equalTo(PROBLEM + "Conflict"));

        // Access: OpenID Connect, the roles from @RolesAllowed.
        api.body("paths.'/api/v1/webhooks'.post.security", contains(java.util.Map.of("oidc", java.util.List.of())))
                .body("paths.'/api/v1/webhooks'.post.'x-pyramid-roles'", hasItems("vendor", "famhp-assessor",
                        "test-centre", "platform-admin"))
                .body("components.securitySchemes", not(hasKey("bearer")));

        // Typed headers and parameters, required fields, an example, no Java type names.
        api.body("paths.'/api/v1/webhooks'.post.responses.'201'.headers.Location.schema.type", equalTo("string"))
                .body("paths.'/api/v1/webhooks'.post.responses.'201'.headers.ETag.schema.type", equalTo("string"))
                .body("paths.'" + ONE + "/test'.post.responses.'202'.headers.Location.schema.type",
                        equalTo("string"))
                .body("paths.'" + ONE + "'.put.parameters.find { it.name == 'If-Match' }.required", equalTo(true))
                .body("paths.'/api/v1/webhooks'.post.requestBody.content.'application/json'.examples.vendor.value.url",
                        notNullValue())
                .body("paths.'/api/v1/webhooks'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/WebhookSubscriptionPage"))
                .body("components.schemas.WebhookSubscriptionRequest.required", contains("url", "events"))
                .body("components.schemas.WebhookSubscription.required", hasItems("id", "url", "events", "status"))
                .body("components.schemas.WebhookDelivery.required", hasItems("id", "type", "status", "attempts"))
                .body("components.schemas.WebhookSubscription.properties.createdAt.format", equalTo("date-time"))
                .body("components.schemas", not(hasKey("UUID")))
                .body("components.schemas", not(hasKey("OffsetDateTime")))
                .body("components.schemas", not(hasKey("PageView")))
                .body("components.schemas", not(hasKey("DeliveryStatus")));
    }
}
