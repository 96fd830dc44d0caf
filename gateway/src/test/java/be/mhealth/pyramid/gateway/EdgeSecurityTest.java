package be.mhealth.pyramid.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(UpstreamServers.class)
class EdgeSecurityTest {

    @Test
    void protectedRouteWithoutTokenIs401AtTheEdge() {
        given().get("/api/v1/m1/dossiers/no-token").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo("https://pyramid.mhealth.be/problems/unauthorized"))
                .body("status", equalTo(401));
        given().contentType("application/json").body("{}").put("/api/v1/apps/no-token").then().statusCode(401);
        given().get("/api/v1/apps/no-token/documents").then().statusCode(401);
        given().contentType("application/json").body("{}").post("/api/v1/apps/no-token/versions").then()
                .statusCode(401);
        given().contentType("application/json").body("{}").post("/api/v1/apps/no-token/market-withdrawal").then()
                .statusCode(401);
        given().get("/api/v1/apps/no-token/versions/v1/notes").then().statusCode(401);
        assertThat(Upstream.hits("registry", "/api/v1/apps/no-token/versions")).isZero();
        assertThat(Upstream.hits("registry", "/api/v1/apps/no-token/market-withdrawal")).isZero();
        assertThat(Upstream.hits("m1", "/api/v1/m1/dossiers/no-token")).isZero();
        assertThat(Upstream.hits("registry", "/api/v1/apps/no-token")).isZero();
        assertThat(Upstream.hits("registry", "/api/v1/apps/no-token/documents")).isZero();
    }

    @Test
    void invalidTokensAre401AndNeverReachTheService() {
        String path = "/api/v1/m1/dossiers/bad-token";
        for (String token : new String[] { Tokens.expired("eve"), Tokens.wrongAudience("eve"),
                Tokens.wrongIssuer("eve"), Tokens.signedByAnotherKey("eve"), "not-a-jwt" }) {
            given().header("Authorization", "Bearer " + token).get(path).then().statusCode(401)
                    .contentType("application/problem+json");
            // A presented token must be valid on public routes as well.
            given().header("Authorization", "Bearer " + token).get("/api/v1/catalog").then().statusCode(401);
        }
        assertThat(Upstream.hits("m1", path)).isZero();
    }

    @Test
    void validTokenPassesAndIsHandedOn() {
        String token = "Bearer " + Tokens.valid("alice");
        given().header("Authorization", token).get("/api/v1/m1/dossiers/good-token").then().statusCode(200)
                .body("service", equalTo("m1")).body("headers.authorization", equalTo(token));
        assertThat(Upstream.hits("m1", "/api/v1/m1/dossiers/good-token")).isEqualTo(1);
    }

    @Test
    void aTokenPassedBeforeIsRefusedOnceItExpires() throws InterruptedException {
        Instant expiresAt = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
        String token = "Bearer " + Tokens.expiringAt("bob", expiresAt);
        String path = "/api/v1/m1/dossiers/expiring-token";
        given().header("Authorization", token).get(path).then().statusCode(200);
        given().header("Authorization", token).get(path).then().statusCode(200);
        // The gateway knows the token now (VerifiedTokens); at its exp it must check it again and refuse it.
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis()) + 50);
        given().header("Authorization", token).get(path).then().statusCode(401)
                .contentType("application/problem+json");
        assertThat(Upstream.hits("m1", path)).isEqualTo(2);
    }

    @Test
    void publicReadsNeedNoToken() {
        given().get("/api/v1/catalog?level=M1").then().statusCode(200).body("headers.authorization", nullValue());
        given().get("/api/v1/apps/a-2").then().statusCode(200);
        given().get("/api/v1/apps/a-2/history").then().statusCode(200);
        given().get("/api/v1/apps/a-2/versions?page=1").then().statusCode(200);
        given().get("/api/v1/apps/a-2/versions/v-1").then().statusCode(200);
        given().get("/api/v1/stats").then().statusCode(200);
        // M2's rule table is public in the service and so at the gateway; the rest of M2 is not.
        given().get("/api/v1/m2/criteria-rules").then().statusCode(200).body("service", equalTo("m2"));
        given().get("/api/v1/m2/dossiers").then().statusCode(401);
    }

    @Test
    void corsPreflightForConfiguredOriginsOnly() {
        given().header("Origin", "https://portal.pyramid.mhealth.be")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .options("/api/v1/m1/dossiers")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://portal.pyramid.mhealth.be")
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Idempotency-Key"));
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/m1/dossiers")
                .then().header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://portal.pyramid.mhealth.be").get("/api/v1/catalog")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://portal.pyramid.mhealth.be")
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"));
    }
}
