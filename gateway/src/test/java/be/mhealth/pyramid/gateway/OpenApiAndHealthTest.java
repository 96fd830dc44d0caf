package be.mhealth.pyramid.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(UpstreamServers.class)
class OpenApiAndHealthTest {

    @TestHTTPResource(value = "/", management = true)
    URL managementUrl;

    /** The management interface's root (the resource URL carries its /q root path). */
    private String management() {
        return managementUrl.getProtocol() + "://" + managementUrl.getHost() + ":" + managementUrl.getPort() + "/";
    }

    @Test
    void mergedOpenApiHasEveryServicesPathsAndOneOpenIdConnectScheme() {
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
                .body("paths", hasKey("/api/v1/webhooks"))
                // Paths the gateway does not expose are left out.
                .body("paths", not(hasKey("/q/internal")))
                .body("components.securitySchemes.keySet()", equalTo(java.util.Set.of("oidc")))
                .body("components.securitySchemes.oidc.type", equalTo("openIdConnect"))
                .body("components.securitySchemes.oidc.openIdConnectUrl",
                        equalTo("https://idp.test/realms/pyramid/.well-known/openid-configuration"))
                .body("paths.'/api/v1/m1/dossiers'.get.security[0]", hasKey("oidc"))
                .body("tags.name", hasItems("Catalog", "Apps", "M1 dossiers", "M2 dossiers", "M3 dossiers"))
                // Identical schemas are shared. A name two services define differently is a problem the build
                // fails on; should a running gateway meet one (services of another build), the later service's is
                // kept apart under a prefixed name, so that the document stays whole.
                .body("components.schemas", hasKey("Problem"))
                .body("components.schemas", not(hasKey("m1_Problem")))
                .body("components.schemas.Summary.properties", hasKey("certificate"))
                .body("components.schemas.m2_Summary.properties", hasKey("criteria"))
                .body("paths.'/api/v1/m1/dossiers'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/Summary"));
    }

    @Test
    void swaggerUiSignsInWithThePublicClientAndPkce() {
        given().get("/q/swagger-ui/swagger-initializer.js").then().statusCode(200)
                .body(containsString("clientId: \"pyramid-swagger-ui\""))
                .body(containsString("usePkceWithAuthorizationCodeGrant: true"))
                .body(containsString("/q/swagger-ui/oauth2-redirect.html"));
        // The page may talk to Keycloak (discovery document, token endpoint) and nowhere else.
        given().get("/q/swagger-ui/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("connect-src 'self' https://idp.test;"));
        // The redirect page is Swagger UI's own: its inline script runs by its hash, no other inline script does.
        String csp = given().get("/q/swagger-ui/oauth2-redirect.html").then().statusCode(200)
                .body(containsString("swaggerUIRedirectOauth2")).extract().header("Content-Security-Policy");
        assertThat(csp).matches(".*script-src 'self' 'sha256-[A-Za-z0-9+/=]{44}'.*").doesNotContain("unsafe-inline'; script");
    }

    @Test
    void anUpstreamThatIsDownIsLeftOutOfTheDocumentAndReportedNotReady() {
        Upstream.failing("flaky", true);
        try {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/q/openapi").then()
                    .statusCode(200)
                    .body("paths", not(hasKey("/api/v1/flaky/items")))
                    .body("paths", hasKey("/api/v1/m1/dossiers")));
            given().get(management() + "q/health/group/upstreams").then().statusCode(503)
                    .body("checks.find { it.name == 'upstream flaky' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'upstream m1' }.status", equalTo("UP"));
            // The replica still serves the other routes: it stays ready.
            given().get(management() + "q/health/ready").then().statusCode(200);
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
    void healthDetailsAndMetricsAreOnTheManagementInterfaceOnly() {
        given().get(management() + "q/health/live").then().statusCode(200).body("checks.name", hasItems("gateway"));
        given().get(management() + "q/health/ready").then().statusCode(200);
        given().get(management() + "q/health/group/upstreams").then().statusCode(200)
                .body("checks.name", hasItems("upstream registry", "upstream m1", "upstream m2", "upstream m3",
                        "upstream notification", "rate-limit store"))
                .body("checks.find { it.name == 'upstream m1' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'upstream m1' }.data.circuit", equalTo("CLOSED"));
        given().get(management() + "q/metrics").then().statusCode(200)
                .body(containsString("pyramid_gateway_rate_limit_store_up"))
                .body(containsString("pyramid_gateway_rate_limited_total"))
                .body(containsString("jvm_memory_used_bytes"));

        // The public port: a bare status, no check names, no internal URLs; no metrics.
        for (String path : new String[] { "/q/health", "/q/health/live", "/q/health/ready", "/q/health/started" }) {
            String body = given().get(path).then().statusCode(200).contentType(containsString("application/json"))
                    .extract().asString();
            assertThat(body).as(path).isEqualTo("{\"status\":\"UP\"}");
        }
        given().get("/q/metrics").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://pyramid.mhealth.be/problems/not-found"));
        given().get("/q/health/group/upstreams").then().statusCode(404);
        given().get("/anything-else").then().statusCode(404).contentType("application/problem+json");
    }
}
