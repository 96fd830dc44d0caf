package be.mhealth.pyramid.registry.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class OpenApiTest {

    @Test
    void everyRouteItsParametersAndErrorsAreDocumented() {
        ValidatableResponse api = given().when().get("/q/openapi?format=json").then().statusCode(200);
        api.body("paths", hasKey("/api/v1/apps"))
                .body("paths", hasKey("/api/v1/apps/{id}"))
                .body("paths", hasKey("/api/v1/apps/{id}/history"))
                .body("paths", hasKey("/api/v1/catalog"))
                .body("paths", hasKey("/api/v1/stats"));

        api.body("paths.'/api/v1/apps'.post.responses", hasKey("201"))
                .body("paths.'/api/v1/apps'.post.responses.'400'.content", hasKey("application/problem+json"))
                .body("paths.'/api/v1/apps'.post.responses", hasKey("401"))
                .body("paths.'/api/v1/apps'.post.responses", hasKey("403"))
                .body("paths.'/api/v1/apps'.post.security", notNullValue())
                .body("paths.'/api/v1/apps'.post.parameters.name", hasItems("Idempotency-Key"))
                .body("paths.'/api/v1/apps'.get.responses", hasKey("200"));

        api.body("paths.'/api/v1/apps/{id}'.put.responses", hasKey("412"))
                .body("paths.'/api/v1/apps/{id}'.put.responses", hasKey("428"))
                .body("paths.'/api/v1/apps/{id}'.put.responses", hasKey("404"))
                .body("paths.'/api/v1/apps/{id}'.put.responses.'412'.content", hasKey("application/problem+json"))
                .body("paths.'/api/v1/apps/{id}'.put.parameters.name", hasItems("id", "If-Match", "Idempotency-Key"))
                .body("paths.'/api/v1/apps/{id}'.get.responses", hasKey("404"))
                .body("paths.'/api/v1/apps/{id}/history'.get.parameters.name", hasItems("id", "page", "size"));

        api.body("paths.'/api/v1/catalog'.get.parameters.name", hasItems("level", "category", "platform",
                        "targetUser", "q", "lang", "Accept-Language", "page", "size"))
                .body("paths.'/api/v1/catalog'.get.responses.'400'.content", hasKey("application/problem+json"))
                .body("paths.'/api/v1/stats'.get.responses", hasKey("200"))
                .body("components.schemas", hasKey("Problem"))
                .body("components.securitySchemes", hasKey("bearer"));
    }
}
