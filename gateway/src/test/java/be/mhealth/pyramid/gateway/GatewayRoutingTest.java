package be.mhealth.pyramid.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(UpstreamServers.class)
class GatewayRoutingTest {

    private static final String TOKEN = "Bearer " + Tokens.valid("routing-user");

    @Test
    void routesEachPrefixToItsService() {
        given().get("/api/v1/catalog").then().statusCode(200).body("service", equalTo("registry"));
        given().get("/api/v1/stats").then().statusCode(200).body("service", equalTo("registry"));
        given().get("/api/v1/labels?lang=fr").then().statusCode(200).body("service", equalTo("registry"));
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
    void openDataAndFhirArePublicReadsOfTheRegistryWithTheCalledHostForwarded() {
        given().get("/api/v1/open-data/changes.atom?lang=fr").then().statusCode(200)
                .body("service", equalTo("registry")).body("uri", equalTo("/api/v1/open-data/changes.atom?lang=fr"))
                .body("headers.authorization", nullValue());
        given().get("/api/v1/open-data/catalog.csv").then().statusCode(200).body("service", equalTo("registry"));
        given().get("/fhir/r4/metadata").then().statusCode(200).body("service", equalTo("registry"));
        // Services build absolute links from the forwarded host: the one the client called, never one it claims.
        given().header("X-Forwarded-Host", "evil.example").get("/fhir/r4/DeviceDefinition?name=Heart")
                .then().statusCode(200).body("service", equalTo("registry"))
                .body("uri", equalTo("/fhir/r4/DeviceDefinition?name=Heart"))
                .body("headers.x-forwarded-host", equalTo("localhost"))
                .body("headers.x-forwarded-port", matchesPattern("\\d+"))
                .body("headers.x-forwarded-proto", equalTo("http"));
        // Reads only: writing needs a token, and /fhir has no other route.
        given().body("{}").contentType("application/fhir+json").post("/fhir/r4/DeviceDefinition").then()
                .statusCode(401).contentType("application/problem+json");
        given().header("Authorization", TOKEN).get("/fhir/r5/metadata").then().statusCode(404)
                .contentType("application/problem+json");
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
                // Where the client reached the platform is the gateway's to say (its Host), never the client's.
                .header("X-Forwarded-Host", "evil.example")
                .header("Forwarded", "host=evil.example")
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
                .body("headers.x-forwarded-host", equalTo("localhost"))
                .body("headers.x-forwarded-port", equalTo(String.valueOf(RestAssured.port)))
                .body("headers.x-forwarded-proto", equalTo("http"))
                .body("headers.forwarded", nullValue())
                .body("headers.proxy-authorization", nullValue())
                .body("headers.keep-alive", nullValue())
                .body("headers.te", nullValue())
                .body("headers.x-drop-me", nullValue());
    }

    @Test
    void aNotModifiedAnswerComesBackWithoutABodyOrTransferCodingAndTheConnectionStaysUsable() throws IOException {
        URL gateway = new URL(RestAssured.baseURI + ":" + RestAssured.port);
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            String auth = "Authorization: " + TOKEN + "\r\n";
            out.write(("GET /api/v1/catalog/not-modified HTTP/1.1\r\nHost: localhost\r\n" + auth
                    + "If-None-Match: W/\"7\"\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String head = RawHttp.readHead(in).toLowerCase(Locale.ROOT);
            assertThat(head).startsWith("http/1.1 304").contains("etag: w/\"7\"")
                    .doesNotContain("transfer-encoding").doesNotContain("content-length: ");
            // Nothing may follow the head (a client waiting for chunks would hang): the next answer starts at once.
            out.write(("GET /api/v1/catalog HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(RawHttp.readResponse(in)).isEqualTo(200);
        }
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
