package be.mhealth.pyramid.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(UpstreamServers.class)
class GatewayRoutingTest {

    private static final String TOKEN = "Bearer " + Tokens.valid("routing-user");

    @Test
    void routesEachPrefixToItsService() {
        given().get("/api/v1/catalog").then().statusCode(200).body("service", equalTo("registry"));
        given().get("/api/v1/stats").then().statusCode(200).body("service", equalTo("registry"));
        given().get("/api/v1/apps/a-1").then().statusCode(200).body("service", equalTo("registry"));
        given().get("/api/v1/apps/a-1/history?page=2").then().statusCode(200)
                .body("service", equalTo("registry")).body("uri", equalTo("/api/v1/apps/a-1/history?page=2"));
        given().header("Authorization", TOKEN).body("{}").contentType("application/json").post("/api/v1/apps")
                .then().statusCode(200).body("service", equalTo("registry")).body("method", equalTo("POST"));
        given().header("Authorization", TOKEN).get("/api/v1/m1/dossiers").then().statusCode(200)
                .body("service", equalTo("m1"));
        given().header("Authorization", TOKEN).get("/api/v1/m2/dossiers/d-7").then().statusCode(200)
                .body("service", equalTo("m2"));
        given().header("Authorization", TOKEN).delete("/api/v1/m3/dossiers/d-9").then().statusCode(200)
                .body("service", equalTo("m3")).body("method", equalTo("DELETE"));
    }

    @Test
    void unknownApiPathIsProblem404AndDotSegmentsAreRefused() {
        given().header("Authorization", TOKEN).get("/api/v1/nowhere").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://pyramid.mhealth.be/problems/not-found")).body("status", equalTo(404));
        given().urlEncodingEnabled(false).get("/api/v1/catalog/%2e%2e/m1/dossiers").then().statusCode(400)
                .contentType("application/problem+json");
        assertThat(Upstream.hits("m1", "/api/v1/m1/dossiers/x")).isZero();
    }

    @Test
    void passesHeadersOnExceptHopByHopOnesAndReturnsTheServiceHeaders() {
        Response response = given()
                .header("Authorization", TOKEN)
                .header("X-Custom", "kept")
                .header("Accept-Language", "nl")
                .header("Idempotency-Key", "k-1")
                .header("Proxy-Authorization", "Basic c2VjcmV0")
                .header("Keep-Alive", "timeout=5")
                .header("TE", "trailers")
                .header("Connection", "keep-alive, X-Drop-Me")
                .header("X-Drop-Me", "hop")
                .get("/api/v1/m1/dossiers/headers");
        response.then().statusCode(200)
                .header("X-Upstream", "m1")
                .header("Keep-Alive", nullValue())
                .header("X-Internal-Hop", nullValue())
                .body("headers.x-custom", equalTo("kept"))
                .body("headers.accept-language", equalTo("nl"))
                .body("headers.idempotency-key", equalTo("k-1"))
                .body("headers.authorization", equalTo(TOKEN))
                .body("headers.x-forwarded-for", equalTo("127.0.0.1"))
                .body("headers.proxy-authorization", nullValue())
                .body("headers.keep-alive", nullValue())
                .body("headers.te", nullValue())
                .body("headers.x-drop-me", nullValue());
    }

    @Test
    void streamsLargeBodiesBothWays() {
        byte[] body = new byte[20 * 1024 * 1024];
        new Random(7).nextBytes(body);
        byte[] echoed = given().header("Authorization", TOKEN).contentType("application/octet-stream").body(body)
                .post("/api/v1/m2/uploads/echo")
                .then().statusCode(200).header("X-Upstream", "m2").extract().asByteArray();
        assertThat(echoed).hasSize(body.length).isEqualTo(body);
    }

    @Test
    void requestIdAndTraceContextTravelToTheServiceAndBack() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        given().header("X-Request-Id", "req-123").header("traceparent", traceparent)
                .header("tracestate", "vendor=abc").get("/api/v1/catalog")
                .then().statusCode(200)
                .header("X-Request-Id", "req-123")
                .header("traceparent", traceparent)
                .header("tracestate", "vendor=abc")
                .body("headers.x-request-id", equalTo("req-123"))
                .body("headers.traceparent", equalTo(traceparent))
                .body("headers.tracestate", equalTo("vendor=abc"));

        Response generated = given().get("/api/v1/stats");
        String requestId = generated.header("X-Request-Id");
        assertThat(requestId).matches("[0-9a-f-]{36}");
        generated.then().body("headers.x-request-id", equalTo(requestId))
                .header("traceparent", matchesPattern("00-[0-9a-f]{32}-[0-9a-f]{16}-01"))
                .body("headers.traceparent", equalTo(generated.header("traceparent")));
    }

    @Test
    void everyResponseCarriesSecurityHeaders() {
        for (Response response : new Response[] { given().get("/api/v1/catalog"), given().get("/api/v1/m1/dossiers"),
                given().get("/q/health") }) {
            response.then()
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Strict-Transport-Security", containsString("max-age="))
                    .header("Content-Security-Policy", containsString("default-src 'none'"))
                    .header("X-Request-Id", matchesPattern(".+"));
        }
    }
}
