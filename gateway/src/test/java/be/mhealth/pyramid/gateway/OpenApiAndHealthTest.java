package be.mhealth.pyramid.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(UpstreamServers.class)
class OpenApiAndHealthTest {

    @Test
    void mergedOpenApiHasEveryServicesPathsAndOneBearerScheme() {
        given().get("/q/openapi").then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("info.title", equalTo("Pyramid API"))
                .body("paths", hasKey("/api/v1/catalog"))
                .body("paths", hasKey("/api/v1/apps/{id}"))
                .body("paths", hasKey("/api/v1/stats"))
                .body("paths", hasKey("/api/v1/m1/dossiers"))
                .body("paths", hasKey("/api/v1/m1/dossiers/{id}"))
                .body("paths", hasKey("/api/v1/m2/dossiers"))
                .body("paths", hasKey("/api/v1/m3/dossiers"))
                // Paths the gateway does not expose are left out.
                .body("paths", not(hasKey("/q/internal")))
                .body("components.securitySchemes.keySet()", equalTo(java.util.Set.of("bearer")))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths.'/api/v1/m1/dossiers'.get.security[0]", hasKey("bearer"))
                .body("tags.name", hasItems("Catalog", "Apps", "M1 dossiers", "M2 dossiers", "M3 dossiers"))
                // Identical schemas are shared; a name defined differently by several services is kept apart
                // (upstreams are merged in name order, the first keeps the plain name).
                .body("components.schemas", hasKey("Problem"))
                .body("components.schemas", not(hasKey("m1_Problem")))
                .body("components.schemas.Summary.properties", hasKey("certificate"))
                .body("components.schemas.m2_Summary.properties", hasKey("criteria"))
                .body("components.schemas.m3_Summary.properties", hasKey("appId"))
                .body("components.schemas.registry_Summary.properties", hasKey("appId"))
                .body("paths.'/api/v1/m1/dossiers'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/Summary"))
                .body("paths.'/api/v1/catalog'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/registry_Summary"));
    }

    @Test
    void anUpstreamThatIsDownIsLeftOutOfTheDocumentAndReportedNotReady() {
        Upstream.failing("flaky", true);
        try {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/q/openapi").then()
                    .statusCode(200)
                    .body("paths", not(hasKey("/api/v1/flaky/items")))
                    .body("paths", hasKey("/api/v1/m1/dossiers")));
            given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'upstream flaky' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'upstream m1' }.status", equalTo("UP"));
        } finally {
            Upstream.failing("flaky", false);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/q/openapi").then()
                .body("paths", hasKey("/api/v1/flaky/items")));
    }

    @Test
    void swaggerUiShowsTheMergedDocument() {
        given().redirects().follow(false).get("/q/swagger-ui").then().statusCode(302)
                .header("Location", "/q/swagger-ui/");
        given().get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("swagger-ui-bundle.js"));
        given().get("/q/swagger-ui/swagger-initializer.js").then().statusCode(200)
                .body(containsString("\"/q/openapi\""));
        given().get("/q/swagger-ui/swagger-ui-bundle.js").then().statusCode(200)
                .contentType(containsString("javascript"));
    }

    @Test
    void healthReportsTheGatewayAndEachUpstream() {
        given().get("/q/health/live").then().statusCode(200).body("checks.name", hasItems("gateway"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItems("upstream registry", "upstream m1", "upstream m2", "upstream m3"))
                .body("checks.find { it.name == 'upstream m1' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'upstream m1' }.data.circuit", equalTo("CLOSED"));
    }
}
