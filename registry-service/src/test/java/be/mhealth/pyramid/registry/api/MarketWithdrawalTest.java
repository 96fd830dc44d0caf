package be.mhealth.pyramid.registry.api;

import static be.mhealth.pyramid.registry.RegistryFixtures.body;
import static be.mhealth.pyramid.registry.RegistryFixtures.m1Granted;
import static be.mhealth.pyramid.registry.RegistryFixtures.m2Granted;
import static be.mhealth.pyramid.registry.RegistryFixtures.versionBody;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.EventType;
import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.RegistryEvents.AppLevelChanged;
import be.mhealth.pyramid.events.RegistryEvents.AppWithdrawnFromMarket;
import be.mhealth.pyramid.events.RegistryEvents.MarketWithdrawalReason;
import be.mhealth.pyramid.registry.RegistryFixtures;
import be.mhealth.pyramid.registry.domain.LevelGrant;
import be.mhealth.pyramid.registry.repository.LevelGrantRepository;
import be.mhealth.pyramid.support.time.PlatformCalendar;
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

/** A vendor takes its app off the market: every grant ends, the app leaves the catalog for good, its record stays. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class MarketWithdrawalTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String PRIVATE_REASON = "our notified body found a data-loss defect in 2.x";

    @Inject
    RegistryFixtures fixtures;

    @Inject
    LevelGrantRepository grants;

    private static String today() {
        return PlatformCalendar.dayOf(Instant.now()).toString();
    }

    @Test
    @TestSecurity(user = "alice", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "organization", value = "medisoft"))
    void everyGrantEndsTheAppLeavesTheCatalogAndTheLevelServicesHearOfIt() {
        UUID app = fixtures.create(body("Leaving"), "medisoft", "alice");
        fixtures.raiseTo(app, Level.M2);
        String etag = "\"" + fixtures.app(app).version + "\"";

        Response withdrawn = withdraw(app, "SAFETY", PRIVATE_REASON);
        withdrawn.then().statusCode(200)
                .header("ETag", not(equalTo(etag)))
                .body("listed", equalTo(false)).body("level", nullValue())
                .body("delistedOn", equalTo(today())).body("delistingReason", equalTo("WITHDRAWN_BY_VENDOR"))
                .body("marketWithdrawal.reasonCategory", equalTo("SAFETY"))
                .body("marketWithdrawal.reason", equalTo(PRIVATE_REASON))
                .body("marketWithdrawal.withdrawnBy", equalTo("alice"))
                .body("facts.m1", nullValue());
        assertThat(fixtures.level(app)).isNull();
        List<LevelGrant> ended = QuarkusTransaction.requiringNew().call(() -> grants.forApp(app));
        assertThat(ended).hasSize(2).allSatisfy(g -> {
            assertThat(g.active).isFalse();
            assertThat(g.endedBy).isEqualTo("alice");
            assertThat(g.endSummary()).isEqualTo("Withdrawn from the market by the vendor");
        });

        AppWithdrawnFromMarket event = TopicReader.await(EventType.APP_WITHDRAWN_FROM_MARKET, app)
                .payload(AppWithdrawnFromMarket.class);
        assertThat(event.organizationId()).isEqualTo("medisoft");
        assertThat(event.fromLevel()).isEqualTo(Level.M2);
        assertThat(event.effectiveLevel()).isNull();
        assertThat(event.reasonCategory()).isEqualTo(MarketWithdrawalReason.SAFETY);
        assertThat(event.reason()).isEqualTo(PRIVATE_REASON);
        assertThat(event.endedGrants()).containsExactly(Level.M1, Level.M2);
        String withdrawalEventId = ended.get(0).endEventId;
        AppLevelChanged fell = TopicReader.await(EventType.APP_LEVEL_CHANGED.topic().topicName(),
                e -> e.key().equals(app.toString()) && EventType.APP_LEVEL_CHANGED.ceType().equals(e.ceType())
                        && e.payload(AppLevelChanged.class).effectiveLevel() == null)
                .payload(AppLevelChanged.class);
        assertThat(fell.fromLevel()).isEqualTo(Level.M2);
        assertThat(fell.causeEventType()).isEqualTo(EventType.APP_WITHDRAWN_FROM_MARKET.ceType());
        assertThat(fell.causeEventId()).isEqualTo(withdrawalEventId);

        given().when().get("/api/v1/apps/" + app + "/history").then().statusCode(200)
                .body("items.toLevel", contains("M1", "M2", null))
                .body("items[2].actor", equalTo("alice"))
                .body("items[2].reason", equalTo("Withdrawn from the market by the vendor (safety)"))
                .body("items[2].delistingReason", equalTo("WITHDRAWN_BY_VENDOR"))
                .body("items[2].causeEventId", equalTo(withdrawalEventId));

        // For good: no edit, no version, no second withdrawal.
        given().contentType(ContentType.JSON).header("If-Match", withdrawn.header("ETag")).body(body("Back again"))
                .when().put("/api/v1/apps/" + app)
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://pyramid.mhealth.be/problems/app-withdrawn"))
                .body("currentState", equalTo("WITHDRAWN_FROM_MARKET"));
        given().contentType(ContentType.JSON).body(versionBody("9.0")).when().post("/api/v1/apps/" + app + "/versions")
                .then().statusCode(409).body("type", equalTo("https://pyramid.mhealth.be/problems/app-withdrawn"));
        withdraw(app, "OTHER", "again").then().statusCode(409).contentType(PROBLEM)
                .body("currentState", equalTo("WITHDRAWN_FROM_MARKET"));
        assertThat(fixtures.outboxEvents(app, EventType.APP_WITHDRAWN_FROM_MARKET)).isEqualTo(1);
        assertThat(fixtures.app(app).nameEn).isEqualTo("Leaving EN");
    }

    @Test
    void decisionsArrivingAfterAWithdrawalAreKeptButNeverRelistTheApp() {
        UUID app = fixtures.create(body("Withdrawn for good"), "medisoft", "alice");
        fixtures.raiseTo(app, Level.M1);
        fixtures.withdraw(app, "medisoft", "alice", "DISCONTINUED", "end of life");
        long historyRows = fixtures.count("select count(*) from level_change where app_id = ?1", app);

        UUID dossier = UUID.randomUUID();
        fixtures.feed(m1Granted(app, dossier, LocalDate.now().plusYears(2)));
        fixtures.feed(m2Granted(app));

        LevelGrant m1 = QuarkusTransaction.requiringNew().call(() -> grants.find(app, Level.M1).orElseThrow());
        assertThat(m1.active).as("the authority's decision is kept").isTrue();
        assertThat(m1.dossierId).isEqualTo(dossier);
        assertThat(fixtures.level(app)).isNull();
        assertThat(fixtures.count("select count(*) from level_change where app_id = ?1", app)).isEqualTo(historyRows);
        given().when().get("/api/v1/apps/" + app).then().statusCode(200)
                .body("listed", equalTo(false)).body("delistingReason", equalTo("WITHDRAWN_BY_VENDOR"))
                .body("facts.m1", nullValue())
                .body("marketWithdrawal.reasonCategory", equalTo("DISCONTINUED"))
                .body("marketWithdrawal.reason", nullValue())
                .body("marketWithdrawal.withdrawnBy", equalTo("medisoft"));
        given().queryParam("include", "delisted").queryParam("q", "Withdrawn for good").when().get("/api/v1/catalog")
                .then().statusCode(200).body("items.id", contains(app.toString()))
                .body("items[0].listed", equalTo(false)).body("items[0].level", nullValue())
                .body("items[0].delistingReason", equalTo("WITHDRAWN_BY_VENDOR"));
        given().queryParam("q", "Withdrawn for good").when().get("/api/v1/catalog")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    @TestSecurity(user = "fiona", roles = "famhp-assessor")
    void theAuthoritiesReadTheVendorsOwnReasonAndWhoWithdrew() {
        UUID app = fixtures.create(body("Reason for FAMHP"), "medisoft", "alice");
        fixtures.raiseTo(app, Level.M1);
        fixtures.withdraw(app, "medisoft", "alice", "SAFETY", PRIVATE_REASON);
        given().when().get("/api/v1/apps/" + app).then().statusCode(200)
                .body("marketWithdrawal.reason", equalTo(PRIVATE_REASON))
                .body("marketWithdrawal.withdrawnBy", equalTo("alice"))
                .body("createdBy", equalTo("alice"));
        withdraw(app, "SAFETY", "not mine").then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    @TestSecurity(user = "alice", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "organization", value = "medisoft"))
    void aDraftWithdrawnStaysPrivate() {
        UUID draft = fixtures.create(body("Never launched"), "medisoft", "alice");
        withdraw(draft, "COMMERCIAL", "we stopped before launch").then().statusCode(200)
                .body("listed", equalTo(false)).body("delistedOn", nullValue()).body("delistingReason", nullValue())
                .body("marketWithdrawal.reasonCategory", equalTo("COMMERCIAL"));
        assertThat(fixtures.count("select count(*) from level_change where app_id = ?1", draft)).isZero();
        AppWithdrawnFromMarket event = TopicReader.await(EventType.APP_WITHDRAWN_FROM_MARKET, draft)
                .payload(AppWithdrawnFromMarket.class);
        assertThat(event.fromLevel()).isNull();
        assertThat(event.endedGrants()).isEmpty();
        // Its later M1 grant does not list it either.
        fixtures.feed(m1Granted(draft, UUID.randomUUID(), LocalDate.now().plusYears(2)));
        assertThat(fixtures.level(draft)).isNull();
        given().when().get("/api/v1/apps/" + draft).then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "alice", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "organization", value = "medisoft"))
    void aRetriedWithdrawalWithTheSameIdempotencyKeyReturnsTheFirstAnswer() {
        UUID app = fixtures.create(body("Idempotent withdrawal"), "medisoft", "alice");
        fixtures.raiseTo(app, Level.M1);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("reasonCategory", "REPLACED_BY_SUCCESSOR", "reason", "see our new app");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/apps/" + app + "/market-withdrawal").then().statusCode(200);
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/apps/" + app + "/market-withdrawal").then().statusCode(200)
                .header("Idempotency-Replayed", equalTo("true"))
                .body("marketWithdrawal.reasonCategory", equalTo("REPLACED_BY_SUCCESSOR"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("reasonCategory", "OTHER", "reason", "something else"))
                .when().post("/api/v1/apps/" + app + "/market-withdrawal").then().statusCode(422)
                .body("errors.field", hasItem("Idempotency-Key"));
        assertThat(fixtures.outboxEvents(app, EventType.APP_WITHDRAWN_FROM_MARKET)).isEqualTo(1);
        assertThat(fixtures.count("select count(*) from level_change where app_id = ?1", app)).isEqualTo(2);
    }

    @Test
    @TestSecurity(user = "alice", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "organization", value = "medisoft"))
    void everyInvalidFieldIsAProblemNamingItAndChangesNothing() {
        UUID app = fixtures.create(body("Invalid withdrawal"), "medisoft", "alice");
        fixtures.raiseTo(app, Level.M1);
        invalid(app, "reasonCategory", Map.of("reason", "gone"));
        invalid(app, "reasonCategory", Map.of("reasonCategory", "BORED", "reason", "gone"));
        invalid(app, "reason", Map.of("reasonCategory", "OTHER"));
        invalid(app, "reason", Map.of("reasonCategory", "OTHER", "reason", "   "));
        invalid(app, "reason", Map.of("reasonCategory", "OTHER", "reason", "r".repeat(2001)));
        invalid(app, "successor", Map.of("reasonCategory", "OTHER", "reason", "gone", "successor", "x"));
        given().contentType(ContentType.JSON).when().post("/api/v1/apps/" + app + "/market-withdrawal")
                .then().statusCode(400).contentType(PROBLEM);
        assertThat(fixtures.level(app)).isEqualTo(Level.M1);
        assertThat(fixtures.app(app).withdrawnAt).isNull();
        withdraw(app, "OTHER", "r".repeat(2000)).then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "bob", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "organization", value = "carelab"))
    void anotherVendorCannotWithdrawItAndSeesNoPrivateText() {
        UUID app = fixtures.create(body("Not carelab's"), "medisoft", "alice");
        fixtures.raiseTo(app, Level.M1);
        withdraw(app, "OTHER", "hostile").then().statusCode(404).contentType(PROBLEM);
        withdraw(UUID.randomUUID(), "OTHER", "nothing").then().statusCode(404).contentType(PROBLEM);
        assertThat(fixtures.level(app)).isEqualTo(Level.M1);
        fixtures.withdraw(app, "medisoft", "alice", "COMMERCIAL", PRIVATE_REASON);
        given().when().get("/api/v1/apps/" + app).then().statusCode(200)
                .body("marketWithdrawal.reason", nullValue())
                .body("marketWithdrawal.withdrawnBy", equalTo("medisoft"))
                .body("createdBy", equalTo("medisoft"));
        given().when().get("/api/v1/apps/" + app + "/history").then().statusCode(200)
                .body("items[1].actor", equalTo("medisoft"));
    }

    @Test
    void anonymousCallersCannotWithdraw() {
        UUID app = fixtures.create(body("Anonymous withdrawal"), "medisoft");
        withdraw(app, "OTHER", "x").then().statusCode(401).contentType(PROBLEM);
    }

    private static Response withdraw(UUID app, String category, String reason) {
        return given().contentType(ContentType.JSON).body(Map.of("reasonCategory", category, "reason", reason))
                .when().post("/api/v1/apps/" + app + "/market-withdrawal");
    }

    private void invalid(UUID app, String field, Map<String, Object> body) {
        given().contentType(ContentType.JSON).body(new HashMap<>(body))
                .when().post("/api/v1/apps/" + app + "/market-withdrawal")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://pyramid.mhealth.be/problems/validation"))
                .body("errors.field", hasItem(field));
    }
}
