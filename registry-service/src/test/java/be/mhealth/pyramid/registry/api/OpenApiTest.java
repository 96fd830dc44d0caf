package be.mhealth.pyramid.registry.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
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

/** The registry's own document: what the gateway merges and clients are generated from (see gateway's tests). */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class OpenApiTest {

    private static final String PROBLEM = "#/components/responses/";

    @Test
    void everyRouteItsParametersAndErrorsAreDocumented() {
        ValidatableResponse api = given().when().get("/q/openapi?format=json").then().statusCode(200);
        api.body("paths.'/api/v1/apps'.post.operationId", equalTo("createApp"))
                .body("paths.'/api/v1/apps'.get.operationId", equalTo("listOwnApps"))
                .body("paths.'/api/v1/apps/{id}'.get.operationId", equalTo("getApp"))
                .body("paths.'/api/v1/apps/{id}'.put.operationId", equalTo("updateApp"))
                .body("paths.'/api/v1/apps/{id}/history'.get.operationId", equalTo("getAppHistory"))
                .body("paths.'/api/v1/catalog'.get.operationId", equalTo("listCatalogApps"))
                .body("paths.'/api/v1/stats'.get.operationId", equalTo("getCatalogStats"));

        // Problems are the shared named responses, derived from each operation.
        api.body("paths.'/api/v1/apps'.post.responses.'400'.'$ref'", equalTo(PROBLEM + "BadRequest"))
                .body("paths.'/api/v1/apps'.post.responses.'401'.'$ref'", equalTo(PROBLEM + "Unauthorized"))
                .body("paths.'/api/v1/apps'.post.responses.'403'.'$ref'", equalTo(PROBLEM + "Forbidden"))
                .body("paths.'/api/v1/apps'.post.responses.'422'.'$ref'", equalTo(PROBLEM + "Unprocessable"))
                .body("paths.'/api/v1/apps'.post.responses.'429'.'$ref'", equalTo(PROBLEM + "TooManyRequests"))
                .body("paths.'/api/v1/apps/{id}'.put.responses.'412'.'$ref'", equalTo(PROBLEM + "PreconditionFailed"))
                .body("paths.'/api/v1/apps/{id}'.put.responses.'428'.'$ref'", equalTo(PROBLEM + "PreconditionRequired"))
                .body("paths.'/api/v1/apps/{id}'.put.responses.'404'.'$ref'", equalTo(PROBLEM + "NotFound"))
                .body("paths.'/api/v1/apps/{id}'.get.responses", not(hasKey("403")))
                .body("paths.'/api/v1/stats'.get.responses", not(hasKey("400")))
                .body("components.responses.BadRequest.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body("components.schemas.Problem.'x-problem-types'.type",
                        hasItems("https://pyramid.mhealth.be/problems/validation",
                                "https://pyramid.mhealth.be/problems/stale-etag"));

        // Who may call what: OpenID Connect, roles from @RolesAllowed, public reads marked.
        api.body("components.securitySchemes.oidc.type", equalTo("openIdConnect"))
                .body("components.securitySchemes.oidc.openIdConnectUrl", containsString("/.well-known/openid-configuration"))
                .body("paths.'/api/v1/apps'.post.security", contains(java.util.Map.of("oidc", java.util.List.of())))
                .body("paths.'/api/v1/apps'.post.'x-pyramid-roles'", contains("vendor"))
                .body("paths.'/api/v1/apps'.post.description", containsString("**Access:** role `vendor`"))
                .body("paths.'/api/v1/catalog'.get.security", empty())
                .body("paths.'/api/v1/apps/{id}'.get.security", contains(java.util.Map.of(),
                        java.util.Map.of("oidc", java.util.List.of())))
                .body("paths.'/api/v1/admin/registry/parked-events'.get.'x-pyramid-roles'", contains("platform-admin"));

        api.body("paths.'/api/v1/apps/{id}/versions'.post.operationId", equalTo("declareAppVersion"))
                .body("paths.'/api/v1/apps/{id}/versions'.post.parameters.name", hasItems("id", "Idempotency-Key"))
                .body("paths.'/api/v1/apps/{id}/versions'.get.operationId", equalTo("listAppVersions"))
                .body("paths.'/api/v1/apps/{id}/versions'.get.parameters.name", hasItems("id", "page", "size"))
                .body("paths.'/api/v1/apps/{id}/versions/{versionId}'.get.operationId", equalTo("getAppVersion"))
                .body("paths.'/api/v1/apps/{id}/market-withdrawal'.post.operationId",
                        equalTo("withdrawAppFromMarket"))
                .body("paths.'/api/v1/apps/{id}'.get.parameters.name", hasItems("id", "lang"))
                .body("components.schemas.AppVersionRequest.required",
                        hasItems("version", "releasedOn", "releaseNotes"))
                .body("components.schemas.ReleaseNotes.required", hasItems("nl", "fr", "en"))
                .body("components.schemas.MarketWithdrawalRequest.required", hasItems("reasonCategory", "reason"))
                .body("components.schemas.App.properties", hasKey("currentVersion"))
                .body("components.schemas.App.properties", hasKey("delistingReason"));

        api.body("paths.'/api/v1/catalog'.get.parameters.name", hasItems("level", "category", "platform",
                "targetUser", "q", "lang", "Accept-Language", "page", "size", "include"));

        // Typed headers and parameters, one schema for request and response, Java types inline.
        api.body("paths.'/api/v1/apps'.post.responses.'201'.headers.Location.schema.type", equalTo("string"))
                .body("paths.'/api/v1/apps'.post.responses.'201'.headers.ETag.schema.type", equalTo("string"))
                .body("paths.'/api/v1/catalog'.get.responses.'200'.headers.'Content-Language'.schema.type", equalTo("string"))
                .body("paths.'/api/v1/catalog'.get.parameters.find { it.name == 'Accept-Language' }.schema.type",
                        equalTo("string"))
                .body("paths.'/api/v1/apps'.post.requestBody.content.'application/json'.examples.app.value.name.en",
                        notNullValue())
                .body("components.schemas.App.properties.name.'$ref'", equalTo("#/components/schemas/AppName"))
                .body("components.schemas.App.required", hasItems("id", "name", "category", "version"))
                .body("components.schemas.App.properties.platforms.items.'$ref'", equalTo("#/components/schemas/Platform"))
                .body("components.schemas.App.properties.createdAt.format", equalTo("date-time"))
                .body("components.schemas", not(hasKey("UUID")))
                .body("components.schemas", not(hasKey("OffsetDateTime")))
                .body("components.schemas", not(hasKey("LocalDate")));
    }
}
