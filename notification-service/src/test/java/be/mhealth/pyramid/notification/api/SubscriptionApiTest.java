package be.mhealth.pyramid.notification.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.EventType;
import be.mhealth.pyramid.notification.Fixtures;
import be.mhealth.pyramid.notification.domain.Audience;
import be.mhealth.pyramid.notification.domain.Authority;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The subscriptions API: who subscribes for what, ownership (another's is 404), the secret shown once, problem+json
 * naming the field, ETags and Idempotency-Key.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class SubscriptionApiTest {

    static final String WEBHOOKS = "/api/v1/webhooks";
    static final String URL = "https://hooks.medisoft.example/pyramid";

    @Inject
    Fixtures fixtures;

    @AfterEach
    void clean() {
        fixtures.clear();
    }

    static Map<String, Object> body(String url, String... events) {
        return Map.of("url", url, "events", List.of(events), "description", "ERP");
    }

    static ValidatableResponse post(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post(WEBHOOKS).then();
    }

    @Test
    @TestSecurity(user = "alice", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "organization", value = "medisoft"))
    void aVendorSubscribesAndGetsTheSecretOnlyOnce() {
        var created = post(body(URL, "m1.granted", "registry.app.level-changed", "m1.granted")).statusCode(201)
                .header("ETag", "\"0\"")
                .header("Location", containsString(WEBHOOKS + "/"))
                .body("status", equalTo("ACTIVE"))
                .body("owner.kind", equalTo("VENDOR"))
                .body("owner.organizationId", equalTo("medisoft"))
                .body("events", contains("m1.granted", "registry.app.level-changed"))
                .extract().jsonPath();
        String secret = created.getString("secret");
        String id = created.getString("id");
        assertThat(secret).matches("whsec_[A-Za-z0-9+/]+=*");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);

        given().when().get(WEBHOOKS + "/" + id).then().statusCode(200).header("ETag", "\"0\"")
                .body("secret", nullValue()).body("url", equalTo(URL));
        given().when().get(WEBHOOKS).then().statusCode(200).body("items.secret", contains((Object) null))
                .body("total", equalTo(1)).body("page", equalTo(0)).body("size", equalTo(20));
        assertThat(fixtures.subscription(UUID.fromString(id)).secretCiphertext()).startsWith("v1:")
                .doesNotContain(secret).doesNotContain(secret.substring(6));
    }

    @Test
    @TestSecurity(user = "alice", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "organization", value = "medisoft"))
    void aRetryWithTheSameIdempotencyKeyGetsTheSameSubscriptionAndSecret() {
        var first = given().contentType(ContentType.JSON).header("Idempotency-Key", "sub-1")
                .body(body(URL, "m1.granted")).when().post(WEBHOOKS).then().statusCode(201).extract().jsonPath();
        given().contentType(ContentType.JSON).header("Idempotency-Key", "sub-1").body(body(URL, "m1.granted"))
                .when().post(WEBHOOKS).then().statusCode(201)
                .header("Idempotency-Replayed", "true")
                .body("id", equalTo(first.getString("id")))
                .body("secret", equalTo(first.getString("secret")));
        given().when().get(WEBHOOKS).then().body("total", equalTo(1));
        given().contentType(ContentType.JSON).header("Idempotency-Key", "sub-1").body(body(URL, "m1.revoked"))
                .when().post(WEBHOOKS).then().statusCode(422).body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "organization", value = "medisoft"))
    void badInputIsAProblemNamingTheField() {
        post(Map.of("events", List.of("m1.granted"))).statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("url"));
        post(Map.of("url", URL)).statusCode(400).body("errors.field", contains("events"));
        post(Map.of("url", URL, "events", List.of())).statusCode(400).body("errors.field", contains("events"));
        post(body(URL, "m1.granted", "m9.granted")).statusCode(400).body("errors.field", contains("events[1]"))
                .body("errors[0].message", containsString("event-types"));
        post(body("ftp://hooks.example/x", "m1.granted")).statusCode(400).body("errors.field", contains("url"));
        post(body("https://user:pw@hooks.example/x", "m1.granted")).statusCode(400)
                .body("errors.field", contains("url"));
        post(body("/relative", "m1.granted")).statusCode(400).body("errors.field", contains("url"));
        post(Map.of("url", URL, "events", List.of("m1.granted"), "secret", "mine")).statusCode(400);
        given().contentType(ContentType.JSON).body("{\"url\": ").when().post(WEBHOOKS).then().statusCode(400)
                .contentType("application/problem+json");
        // the delivery policy: no loopback, private or link-local targets (only 127.0.0.1 is allow-listed in tests)
        post(body("http://127.0.0.2:8080/x", "m1.granted")).statusCode(422).body("errors.field", contains("url"))
                .body("errors[0].message", containsString("loopback"));
        post(body("https://169.254.169.254/latest", "m1.granted")).statusCode(422)
                .body("errors[0].message", containsString("link-local"));
        post(body("https://[fd00::1]/x", "m1.granted")).statusCode(422).body("errors.field", contains("url"));
        given().when().get(WEBHOOKS + "?size=0").then().statusCode(400).body("errors.field", contains("size"));
        given().when().get(WEBHOOKS + "?size=101").then().statusCode(400).body("errors.field", contains("size"));
        given().when().get(WEBHOOKS + "?page=-1").then().statusCode(400).body("errors.field", contains("page"));
        given().when().get(WEBHOOKS + "/" + UUID.randomUUID() + "/deliveries?status=LOST").then().statusCode(400)
                .body("errors.field", contains("status"));
        given().when().get(WEBHOOKS).then().body("total", equalTo(0));
    }

    @Test
    @TestSecurity(user = "alice", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "organization", value = "medisoft"))
    void updatesNeedTheCurrentETag() {
        String id = post(body(URL, "m1.granted")).statusCode(201).extract().path("id");
        String path = WEBHOOKS + "/" + id;
        given().contentType(ContentType.JSON).body(body(URL + "/v2", "m1.revoked")).when().put(path).then()
                .statusCode(428).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(body(URL + "/v2", "m1.revoked"))
                .when().put(path).then().statusCode(412);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body(URL + "/v2", "m1.revoked"))
                .when().put(path).then().statusCode(200).header("ETag", "\"1\"")
                .body("url", equalTo(URL + "/v2")).body("events", contains("m1.revoked")).body("secret", nullValue());
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(body("https://10.0.0.1/x", "m1.revoked"))
                .when().put(path).then().statusCode(422).body("errors.field", contains("url"));

        given().contentType(ContentType.JSON).body("{\"why\": \"x\"}").when().post(path + "/pause").then()
                .statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("reason", "x".repeat(2001))).when().post(path + "/pause")
                .then().statusCode(400).body("errors.field", contains("reason"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "receiver maintenance")).when()
                .post(path + "/pause").then().statusCode(200).header("ETag", "\"2\"")
                .body("status", equalTo("PAUSED")).body("pause.reason", equalTo("receiver maintenance"))
                .body("pause.automatic", equalTo(false));
        given().when().post(path + "/test").then().statusCode(409).body("currentState", equalTo("PAUSED"));
        given().when().post(path + "/resume").then().statusCode(200).body("status", equalTo("ACTIVE"))
                .body("pause", nullValue());
        given().header("If-Match", "\"1\"").when().delete(path).then().statusCode(412);
        given().when().delete(path).then().statusCode(204);
        given().when().get(path).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "fiona", roles = "famhp-assessor")
    void anAuthoritySubscribesForItsLevelOnly() {
        given().when().get(WEBHOOKS + "/event-types").then().statusCode(200)
                .body("items.type", contains("registry.app.level-changed", "registry.app.version-declared",
                        "registry.app.withdrawn-from-market", "m1.granted", "m1.rejected", "m1.revoked", "m1.expired",
                        "m1.certificate-extended", "m1.certificate-expiring", "m1.dossier-state-changed"))
                .body("items[3].level", equalTo("M1"))
                .body("items[3].description", containsString("FAMHP"));
        post(body(URL, "m1.dossier-state-changed", "m2.granted", "registry.app.registered")).statusCode(422)
                .body("errors.field", contains("events[1]", "events[2]"));
        post(body(URL, "m1.dossier-state-changed", "registry.app.level-changed")).statusCode(201)
                .body("owner.kind", equalTo("AUTHORITY")).body("owner.authority", equalTo("FAMHP"))
                .body("owner.level", equalTo("M1")).body("owner.organizationId", nullValue());
    }

    @Test
    @TestSecurity(user = "tess", roles = "test-centre")
    void testCentresSubscribeForM2() {
        given().when().get(WEBHOOKS + "/event-types").then().statusCode(200)
                .body("items.type", hasItem("m2.dossier-state-changed"))
                .body("items.type", not(hasItem("m1.granted")));
        post(body(URL, "m2.dossier-state-changed")).statusCode(201).body("owner.authority", equalTo("TEST_CENTRE"));
    }

    @Test
    @TestSecurity(user = "bob", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "organization", value = "carelab"))
    void anotherOwnersSubscriptionIsNotFound() {
        UUID alices = fixtures.subscribe(Audience.vendor("medisoft"), URL, "m1.granted").id();
        UUID famhps = fixtures.subscribe(Audience.authority(Authority.FAMHP), URL, "m1.granted").id();
        for (UUID id : List.of(alices, famhps)) {
            String path = WEBHOOKS + "/" + id;
            given().when().get(path).then().statusCode(404);
            given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body(URL, "m1.granted"))
                    .when().put(path).then().statusCode(404);
            given().when().post(path + "/pause").then().statusCode(404);
            given().when().post(path + "/test").then().statusCode(404);
            given().when().get(path + "/deliveries").then().statusCode(404);
            given().when().post(path + "/deliveries/" + UUID.randomUUID() + "/replay").then().statusCode(404);
            given().when().delete(path).then().statusCode(404);
        }
        given().when().get(WEBHOOKS).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    @TestSecurity(user = "ada", roles = "platform-admin")
    void operatorsSeeAndOperateEverySubscriptionButNeitherRetargetNorSubscribe() {
        UUID alices = fixtures.subscribe(Audience.vendor("medisoft"), URL, "m1.granted").id();
        fixtures.subscribe(Audience.authority(Authority.NIHDI), URL, "m3.granted");
        given().when().get(WEBHOOKS).then().statusCode(200).body("total", equalTo(2));
        given().when().get(WEBHOOKS + "/event-types").then().statusCode(200).body("items.size()",
                equalTo(EventType.values().length));
        String path = WEBHOOKS + "/" + alices;
        given().when().get(path).then().statusCode(200).body("owner.organizationId", equalTo("medisoft"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body("https://ops.example/x",
                "m1.granted")).when().put(path).then().statusCode(403).contentType("application/problem+json");
        post(body(URL, "m1.granted")).statusCode(403).body("detail", containsString("does not subscribe"));
        given().when().post(path + "/pause").then().statusCode(200).body("status", equalTo("PAUSED"))
                .body("pause.reason", equalTo("paused by hand"));
        given().when().post(path + "/resume").then().statusCode(200).body("status", equalTo("ACTIVE"));
        given().when().get(path + "/deliveries").then().statusCode(200).body("total", equalTo(0));
        given().when().delete(path).then().statusCode(204);
    }

    @Test
    void withoutATokenEverythingIs401() {
        given().when().get(WEBHOOKS).then().statusCode(401).contentType("application/problem+json");
        given().when().get(WEBHOOKS + "/event-types").then().statusCode(401);
        post(body(URL, "m1.granted")).statusCode(401);
    }

    @Test
    @TestSecurity(user = "someone", roles = "reader")
    void otherRolesAre403() {
        given().when().get(WEBHOOKS).then().statusCode(403).contentType("application/problem+json");
    }
}
