package be.mhealth.pyramid.registry.api;

import static be.mhealth.pyramid.registry.RegistryFixtures.body;
import static be.mhealth.pyramid.registry.RegistryFixtures.child;
import static be.mhealth.pyramid.registry.RegistryFixtures.versionBody;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.EventType;
import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.RegistryEvents.AppVersionDeclared;
import be.mhealth.pyramid.events.RegistryEvents.SignificantChange;
import be.mhealth.pyramid.registry.RegistryFixtures;
import be.mhealth.pyramid.support.time.PlatformCalendar;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import be.mhealth.pyramid.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** Vendors declare versions; significant ones reach the authorities they concern; the public sees the current one. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class AppVersionsTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    RegistryFixtures fixtures;

    private static String today() {
        return PlatformCalendar.dayOf(Instant.now()).toString();
    }

    @Test
    @TestSecurity(user = "alice", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "organization", value = "medisoft"))
    void aSignificantVersionReachesTheAuthoritiesItConcernsInTheSameTransaction() {
        UUID app = fixtures.create(body("Versioned"), "medisoft");
        fixtures.raiseTo(app, Level.M2);
        long etag = fixtures.app(app).version;

        Response created = declare(app, versionBody("2.4.0", "HOSTING", "DEVICE_CLASS", "HOSTING"))
                .then().statusCode(201)
                .body("version", equalTo("2.4.0"))
                .body("releasedOn", equalTo(today()))
                .body("releaseNotes.fr", equalTo("Version 2.4.0 : meilleurs graphiques"))
                .body("significantChanges", contains("DEVICE_CLASS", "HOSTING"))
                .body("declaredBy", equalTo("alice"))
                .extract().response();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/apps/" + app + "/versions/" + id);
        given().when().get(created.header("Location")).then().statusCode(200).body("version", equalTo("2.4.0"));
        assertThat(fixtures.app(app).version).as("the app's ETag moves: its view changed").isGreaterThan(etag);

        TopicReader.Event event = TopicReader.await(EventType.APP_VERSION_DECLARED, app);
        assertThat(event.key()).isEqualTo(app.toString());
        assertThat(event.header("ce_source")).isEqualTo("/registry-service");
        AppVersionDeclared payload = event.payload(AppVersionDeclared.class);
        assertThat(payload.versionId()).hasToString(id);
        assertThat(payload.organizationId()).isEqualTo("medisoft");
        assertThat(payload.effectiveLevel()).isEqualTo(Level.M2);
        assertThat(payload.version()).isEqualTo("2.4.0");
        assertThat(payload.significantChanges()).containsExactly(SignificantChange.DEVICE_CLASS,
                SignificantChange.HOSTING);
        assertThat(payload.concerns()).containsExactly(Level.M1, Level.M2);
        assertThat(payload.releaseNotes()).containsEntry("nl", "Versie 2.4.0: betere grafieken").hasSize(3);
        assertThat(fixtures.level(app)).as("nothing falls automatically").isEqualTo(Level.M2);

        // A minor version concerns no authority: declared, but no event.
        declare(app, versionBody("2.4.1")).then().statusCode(201).body("significantChanges", empty());
        declare(app, versionBody("2.5.0", "DATA_FLOWS")).then().statusCode(201);
        assertThat(fixtures.outboxEvents(app, EventType.APP_VERSION_DECLARED)).isEqualTo(2);
        TopicReader.await(EventType.APP_VERSION_DECLARED.topic().topicName(), e -> e.key().equals(app.toString())
                && EventType.APP_VERSION_DECLARED.ceType().equals(e.ceType())
                && e.payload(AppVersionDeclared.class).concerns().equals(List.of(Level.M2)));

        given().when().get("/api/v1/apps/" + app + "/versions?size=2")
                .then().statusCode(200).body("total", equalTo(3)).body("size", equalTo(2))
                .body("items.version", contains("2.5.0", "2.4.1"));
        given().when().get("/api/v1/apps/" + app + "/versions?page=1&size=2")
                .then().statusCode(200).body("items.version", contains("2.4.0"));
    }

    @Test
    void thePublicAppShowsTheCurrentVersionInTheAskedLanguage() {
        UUID app = fixtures.create(body("Current version"), "medisoft", "alice");
        fixtures.raiseTo(app, Level.M1);
        given().when().get("/api/v1/apps/" + app).then().statusCode(200).body("currentVersion", nullValue());
        fixtures.declare(app, versionBody("1.0"), "medisoft", "alice");
        Map<String, Object> second = versionBody("1.1.0-beta.1");
        child(second, "releaseNotes").put("de", "Version 1.1: bessere Diagramme");
        fixtures.declare(app, second, "medisoft", "alice");

        given().when().get("/api/v1/apps/" + app).then().statusCode(200)
                .header("Vary", equalTo("Accept-Language"))
                .body("currentVersion.version", equalTo("1.1.0-beta.1"))
                .body("currentVersion.releasedOn", equalTo(today()))
                .body("currentVersion.releaseNotes", equalTo("Version 1.1.0-beta.1: better charts"))
                .body("currentVersion.language", equalTo("en"));
        given().queryParam("lang", "fr").when().get("/api/v1/apps/" + app).then().statusCode(200)
                .body("currentVersion.releaseNotes", equalTo("Version 1.1.0-beta.1 : meilleurs graphiques"))
                .body("currentVersion.language", equalTo("fr"));
        given().header("Accept-Language", "es, nl-BE;q=0.9, fr;q=0.5").when().get("/api/v1/apps/" + app).then()
                .statusCode(200).body("currentVersion.language", equalTo("nl"));
        given().queryParam("lang", "de").when().get("/api/v1/apps/" + app).then().statusCode(200)
                .body("currentVersion.releaseNotes", equalTo("Version 1.1: bessere Diagramme"));
        given().queryParam("lang", "es").when().get("/api/v1/apps/" + app).then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("lang"));

        // Public versions name the organization, not the person.
        given().when().get("/api/v1/apps/" + app + "/versions").then().statusCode(200)
                .body("items.version", contains("1.1.0-beta.1", "1.0"))
                .body("items.declaredBy", contains("medisoft", "medisoft"))
                .body("items[0].releaseNotes.de", equalTo("Version 1.1: bessere Diagramme"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "organization", value = "medisoft"))
    void versionsMustBeNewerUniqueAndPlausiblyDated() {
        UUID app = fixtures.create(body("Ordered versions"), "medisoft");
        Map<String, Object> first = versionBody("3.1.0");
        first.put("releasedOn", LocalDate.now().minusDays(30).toString());
        declare(app, first).then().statusCode(201);

        declare(app, versionBody("3.1.0")).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://pyramid.mhealth.be/problems/version-exists"));
        declare(app, versionBody("3.1")).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://pyramid.mhealth.be/problems/version-exists"));
        declare(app, versionBody("3.1.0+build.2")).then().statusCode(409).contentType(PROBLEM);
        rule(app, versionBody("3.0.9"), "version");
        rule(app, versionBody("3.1.0-rc.1"), "version");
        Map<String, Object> beforeCurrent = versionBody("3.2.0");
        beforeCurrent.put("releasedOn", LocalDate.now().minusDays(31).toString());
        rule(app, beforeCurrent, "releasedOn");
        Map<String, Object> future = versionBody("3.2.0");
        future.put("releasedOn", LocalDate.now().plusDays(2).toString());
        rule(app, future, "releasedOn");
        Map<String, Object> ancient = versionBody("0.1");
        ancient.put("releasedOn", "1999-12-31");
        UUID fresh = fixtures.create(body("Ancient"), "medisoft");
        declare(fresh, ancient).then().statusCode(422).body("errors.field", hasItem("releasedOn"));

        given().when().get("/api/v1/apps/" + app + "/versions").then().statusCode(200).body("total", equalTo(1));
        declare(app, versionBody("3.2.0")).then().statusCode(201);
    }

    @Test
    @TestSecurity(user = "alice", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "organization", value = "medisoft"))
    void everyInvalidFieldIsAProblemNamingIt() {
        UUID app = fixtures.create(body("Invalid versions"), "medisoft");
        invalid(app, "version", b -> b.remove("version"));
        invalid(app, "version", b -> b.put("version", "v2.0"));
        invalid(app, "version", b -> b.put("version", "2.0.0.0.1"));
        invalid(app, "version", b -> b.put("version", "1." + "1".repeat(60)));
        invalid(app, "releasedOn", b -> b.remove("releasedOn"));
        invalid(app, "releasedOn", b -> b.put("releasedOn", "yesterday"));
        invalid(app, "releaseNotes", b -> b.remove("releaseNotes"));
        invalid(app, "releaseNotes.fr", b -> child(b, "releaseNotes").remove("fr"));
        invalid(app, "releaseNotes.nl", b -> child(b, "releaseNotes").put("nl", "  "));
        invalid(app, "releaseNotes.en", b -> child(b, "releaseNotes").put("en", "x".repeat(4001)));
        invalid(app, "releaseNotes.de", b -> child(b, "releaseNotes").put("de", " "));
        invalid(app, "releaseNotes.es", b -> child(b, "releaseNotes").put("es", "Notas"));
        invalid(app, "significantChanges[1]", b -> b.put("significantChanges", List.of("HOSTING", "PRICING")));
        invalid(app, "price", b -> b.put("price", 3));
        given().contentType(ContentType.JSON).body("{\"version\": ").when().post("/api/v1/apps/" + app + "/versions")
                .then().statusCode(400).contentType(PROBLEM);

        Map<String, Object> longest = versionBody("1.0.0-" + "a".repeat(44));
        child(longest, "releaseNotes").put("en", "x".repeat(4000));
        declare(app, longest).then().statusCode(201);
        given().when().get("/api/v1/apps/" + app + "/versions").then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    @TestSecurity(user = "alice", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "organization", value = "medisoft"))
    void aRetriedDeclarationWithTheSameIdempotencyKeyReturnsTheFirstVersion() {
        UUID app = fixtures.create(body("Idempotent versions"), "medisoft");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = versionBody("5.0", "INTENDED_PURPOSE");
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/apps/" + app + "/versions").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/apps/" + app + "/versions").then().statusCode(201)
                .header("Idempotency-Replayed", equalTo("true")).header("Location", endsWith(first))
                .body("id", equalTo(first));
        assertThat(fixtures.outboxEvents(app, EventType.APP_VERSION_DECLARED)).isEqualTo(1);
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(versionBody("5.1"))
                .when().post("/api/v1/apps/" + app + "/versions").then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", hasItem("Idempotency-Key"));
        given().when().get("/api/v1/apps/" + app + "/versions").then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    @TestSecurity(user = "bob", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "organization", value = "carelab"))
    void anotherVendorNeitherDeclaresNorSeesVersionsOfADraft() {
        UUID draft = fixtures.create(body("Medisoft draft versions"), "medisoft", "alice");
        UUID version = fixtures.declare(draft, versionBody("1.0"), "medisoft", "alice");
        declare(draft, versionBody("1.1")).then().statusCode(404).contentType(PROBLEM);
        given().when().get("/api/v1/apps/" + draft + "/versions").then().statusCode(404).contentType(PROBLEM);
        given().when().get("/api/v1/apps/" + draft + "/versions/" + version).then().statusCode(404);

        // Once listed, everyone reads them, with the organization instead of the person.
        fixtures.raiseTo(draft, Level.M1);
        given().when().get("/api/v1/apps/" + draft + "/versions").then().statusCode(200)
                .body("items.declaredBy", contains("medisoft"));
        given().when().get("/api/v1/apps/" + draft + "/versions/" + version).then().statusCode(200)
                .body("declaredBy", equalTo("medisoft"));
        given().when().get("/api/v1/apps/" + draft + "/versions/" + UUID.randomUUID()).then().statusCode(404)
                .contentType(PROBLEM);
        given().when().get("/api/v1/apps/" + draft + "/versions?size=0").then().statusCode(400)
                .body("errors.field", hasItem("size"));
    }

    @Test
    void anonymousCallersCannotDeclareOrReadADraftsVersions() {
        UUID draft = fixtures.create(body("Anonymous versions"), "medisoft");
        declare(draft, versionBody("1.0")).then().statusCode(401).contentType(PROBLEM);
        given().when().get("/api/v1/apps/" + draft + "/versions").then().statusCode(404).contentType(PROBLEM);
        given().when().get("/api/v1/apps/" + UUID.randomUUID() + "/versions").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "fiona", roles = "famhp-assessor")
    void onlyVendorsDeclareVersions() {
        UUID app = fixtures.create(body("Assessor versions"), "medisoft");
        declare(app, versionBody("1.0")).then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    @TestSecurity(user = "alice", roles = "vendor")
    void aVendorTokenWithoutOrganizationCannotDeclare() {
        UUID app = fixtures.create(body("Orphan versions"), "medisoft");
        declare(app, versionBody("1.0")).then().statusCode(403).contentType(PROBLEM);
        given().when().get("/api/v1/apps/" + app + "/versions").then().statusCode(404);
        assertThat(fixtures.count("select count(*) from app_version where app_id = ?1", app)).isZero();
    }

    private static Response declare(UUID app, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/apps/" + app + "/versions");
    }

    private static void rule(UUID app, Map<String, Object> body, String field) {
        declare(app, body).then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("https://pyramid.mhealth.be/problems/rule-violation"))
                .body("errors.field", hasItem(field));
    }

    private void invalid(UUID app, String field, Consumer<Map<String, Object>> breakIt) {
        Map<String, Object> body = versionBody("9.9.9");
        breakIt.accept(body);
        declare(app, body).then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://pyramid.mhealth.be/problems/validation"))
                .body("errors.field", hasItem(field));
        assertThat(fixtures.count("select count(*) from app_version where app_id = ?1", app)).isZero();
    }
}
