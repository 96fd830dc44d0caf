package be.mhealth.pyramid.registry.api;

import static be.mhealth.pyramid.registry.RegistryFixtures.body;
import static be.mhealth.pyramid.registry.RegistryFixtures.child;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.EventType;
import be.mhealth.pyramid.events.RegistryEvents;
import be.mhealth.pyramid.registry.RegistryFixtures;
import be.mhealth.pyramid.registry.repository.AppRepository;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import be.mhealth.pyramid.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class AppRecordsTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    RegistryFixtures fixtures;

    @Inject
    AppRepository apps;

    @Test
    @TestSecurity(user = "alice", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "organization", value = "medisoft"))
    void locationPointsWhereTheGatewayWasReached() {
        // The test client connects from loopback, a trusted proxy (the gateway's place locally).
        Response created = given().contentType(ContentType.JSON).body(body("Forwarded Diary"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "api.pyramid.example.org")
                .header("X-Forwarded-Port", "443")
                .when().post("/api/v1/apps")
                .then().statusCode(201).extract().response();
        assertThat(created.header("Location"))
                .isEqualTo("https://api.pyramid.example.org/api/v1/apps/" + created.path("id"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "organization", value = "medisoft"))
    void vendorRegistersAnAppAndTheEventIsPublished() {
        Response created = given().contentType(ContentType.JSON).body(body("Glucose Diary"))
                .when().post("/api/v1/apps")
                .then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("organizationId", equalTo("medisoft"))
                .body("name.fr", equalTo("Glucose Diary FR"))
                .body("level", nullValue())
                .body("createdBy", equalTo("alice"))
                .extract().response();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/apps/" + id);

        given().when().get("/api/v1/apps/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"0\"")).body("website", endsWith("Glucose-Diary"));

        TopicReader.Event event = TopicReader.await(EventType.APP_REGISTERED, UUID.fromString(id));
        assertThat(event.key()).isEqualTo(id);
        assertThat(event.header("ce_source")).isEqualTo("/registry-service");
        assertThat(event.header("ce_specversion")).isEqualTo("1.0");
        assertThat(event.header("ce_id")).isNotBlank();
        RegistryEvents.AppRegistered payload = event.payload(RegistryEvents.AppRegistered.class);
        assertThat(payload.organizationId()).isEqualTo("medisoft");
        assertThat(payload.effectiveLevel()).isNull();
        assertThat(payload.name()).containsEntry("en", "Glucose Diary EN");
    }

    @Test
    @TestSecurity(user = "alice", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "organization", value = "medisoft"))
    void aRetriedCreateWithTheSameIdempotencyKeyReturnsTheFirstApp() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = body("Idempotent " + key.substring(0, 8));
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/apps").then().statusCode(201).extract().path("id");
        String second = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/apps").then().statusCode(201)
                .header("Idempotency-Replayed", equalTo("true"))
                .header("Location", endsWith(first))
                .extract().path("id");
        assertThat(second).isEqualTo(first);
        String nameEn = (String) child(body, "name").get("en");
        assertThat(QuarkusTransaction.requiringNew().call(() -> apps.count("nameEn", nameEn))).isEqualTo(1);

        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body("Something else"))
                .when().post("/api/v1/apps")
                .then().statusCode(422).contentType(PROBLEM).body("errors.field", hasItem("Idempotency-Key"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "organization", value = "medisoft"))
    void updatesNeedTheCurrentEtag() {
        String id = given().contentType(ContentType.JSON).body(body("Editable"))
                .when().post("/api/v1/apps").then().statusCode(201).extract().path("id");
        Map<String, Object> changed = body("Edited");

        given().contentType(ContentType.JSON).body(changed).when().put("/api/v1/apps/" + id)
                .then().statusCode(428).contentType(PROBLEM)
                .body("type", equalTo("https://pyramid.mhealth.be/problems/precondition-required"));
        given().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(changed).when().put("/api/v1/apps/" + id)
                .then().statusCode(412).contentType(PROBLEM);

        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(changed).when().put("/api/v1/apps/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("name.en", equalTo("Edited EN")).body("version", equalTo(1));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body("Lost update"))
                .when().put("/api/v1/apps/" + id)
                .then().statusCode(412);
        given().when().get("/api/v1/apps/" + id).then().statusCode(200).body("name.en", equalTo("Edited EN"));

        TopicReader.Event updated = TopicReader.await(EventType.APP_UPDATED, UUID.fromString(id));
        assertThat(updated.payload(RegistryEvents.AppUpdated.class).name()).containsEntry("nl", "Edited NL");
        assertThat(updated.key()).isEqualTo(id);
    }

    @Test
    @TestSecurity(user = "bob", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "organization", value = "carelab"))
    void anotherVendorNeitherSeesNorEditsTheDraft() {
        UUID id = fixtures.create(body("Medisoft secret"), "medisoft");
        given().when().get("/api/v1/apps/" + id).then().statusCode(404).contentType(PROBLEM);
        given().when().get("/api/v1/apps/" + id + "/history").then().statusCode(404).contentType(PROBLEM);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body("Hijacked"))
                .when().put("/api/v1/apps/" + id)
                .then().statusCode(404).contentType(PROBLEM);
        given().when().get("/api/v1/apps?size=100")
                .then().statusCode(200).body("items.organizationId", everyItem(equalTo("carelab")));
        assertThat(fixtures.app(id).nameEn).isEqualTo("Medisoft secret EN");
    }

    @Test
    void anonymousCallersSeeNoDraftAndCannotWrite() {
        UUID id = fixtures.create(body("Anonymous draft"), "medisoft");
        given().when().get("/api/v1/apps/" + id).then().statusCode(404).contentType(PROBLEM);
        given().when().get("/api/v1/apps/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(body("Anonymous")).when().post("/api/v1/apps")
                .then().statusCode(401).contentType(PROBLEM);
        given().when().get("/api/v1/apps").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    @TestSecurity(user = "fiona", roles = "famhp-assessor")
    void onlyVendorsRegisterApps() {
        given().contentType(ContentType.JSON).body(body("Assessor app")).when().post("/api/v1/apps")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    @TestSecurity(user = "alice", roles = "vendor")
    void aVendorTokenWithoutOrganizationIsRefused() {
        given().contentType(ContentType.JSON).body(body("Orphan")).when().post("/api/v1/apps")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    @TestSecurity(user = "alice", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "organization", value = "medisoft"))
    void everyInvalidFieldIsAProblemNamingIt() {
        long before = QuarkusTransaction.requiringNew().call(() -> apps.countOwnedBy("medisoft"));
        invalid("name.fr", b -> child(b, "name").remove("fr"));
        invalid("summary.en", b -> child(b, "summary").put("en", "   "));
        invalid("name.en", b -> child(b, "name").put("en", "x".repeat(121)));
        invalid("summary.nl", b -> child(b, "summary").put("nl", "x".repeat(501)));
        invalid("name.de", b -> child(b, "name").put("de", " "));
        invalid("name.es", b -> child(b, "name").put("es", "Nombre"));
        invalid("description.en", b -> child(b, "description").put("en", "x".repeat(5001)));
        // 12 MB: under the gateway's 25 MB cap, so the service answers with the field, not a bare 413.
        invalid("description.en", b -> child(b, "description").put("en", "x".repeat(12_000_000)));
        invalid("name", b -> b.remove("name"));
        invalid("summary", b -> b.remove("summary"));
        invalid("website", b -> b.put("website", "http://example.be"));
        invalid("website", b -> b.put("website", "not a url"));
        invalid("storeLinks.appStore", b -> child(b, "storeLinks").put("appStore", "ftp://apps.apple.com/x"));
        invalid("supportContact.email", b -> child(b, "supportContact").put("email", "nobody"));
        invalid("supportContact.phone", b -> child(b, "supportContact").put("phone", "call me"));
        invalid("supportContact", b -> b.remove("supportContact"));
        invalid("category", b -> b.put("category", "ASTROLOGY"));
        invalid("platforms[1]", b -> b.put("platforms", List.of("IOS", "BLACKBERRY")));
        invalid("targetUsers[0]", b -> b.put("targetUsers", List.of("PETS")));
        invalid("platforms", b -> b.put("platforms", List.of()));
        invalid("targetUsers", b -> b.remove("targetUsers"));
        invalid("supportedLanguages", b -> b.put("supportedLanguages", List.of("dutch")));
        invalid("price", b -> b.put("price", 3));
        invalid("category", b -> b.put("category", 12));

        given().contentType(ContentType.JSON).body("{\"name\": ").when().post("/api/v1/apps")
                .then().statusCode(400).contentType(PROBLEM);
        given().contentType(ContentType.JSON).when().post("/api/v1/apps")
                .then().statusCode(400).contentType(PROBLEM);

        UUID id = fixtures.create(body("Valid before"), "medisoft");
        Map<String, Object> bad = body("Invalid update");
        child(bad, "name").remove("nl");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(bad).when().put("/api/v1/apps/" + id)
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("name.nl"));
        assertThat(fixtures.app(id).nameNl).isEqualTo("Valid before NL");
        assertThat(QuarkusTransaction.requiringNew().call(() -> apps.countOwnedBy("medisoft"))).isEqualTo(before + 1);
    }

    @Test
    @TestSecurity(user = "alice", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "organization", value = "medisoft"))
    void aVendorListsItsOwnAppsInCappedPages() {
        UUID a = fixtures.create(body("Own one"), "medisoft");
        UUID b = fixtures.create(body("Own two"), "medisoft");
        fixtures.create(body("Not mine"), "carelab");
        given().when().get("/api/v1/apps?size=1000")
                .then().statusCode(200)
                .body("size", equalTo(100)).body("page", equalTo(0))
                .body("items.id", hasItems(a.toString(), b.toString()))
                .body("items.organizationId", everyItem(equalTo("medisoft")));
        given().when().get("/api/v1/apps?page=-1")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("page"));
        given().when().get("/api/v1/apps?size=0")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("size"));
    }

    private static void invalid(String field, Consumer<Map<String, Object>> breakIt) {
        Map<String, Object> body = body("Invalid");
        breakIt.accept(body);
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/apps")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://pyramid.mhealth.be/problems/validation"))
                .body("errors.field", hasItem(field));
    }
}
