package be.mhealth.pyramid.registry.api;

import static be.mhealth.pyramid.registry.RegistryFixtures.body;
import static be.mhealth.pyramid.registry.RegistryFixtures.m1Granted;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.M1Events;
import be.mhealth.pyramid.events.M2Events;
import be.mhealth.pyramid.registry.RegistryFixtures;
import be.mhealth.pyramid.support.time.PlatformCalendar;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * A formerly listed app stays publicly readable with when and why it left the catalog; apps that were never listed
 * stay private; the catalog shows delisted apps only when asked, after the listed ones.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class PublicRecordTest {

    private static final String TOKEN = new Random().ints(8, 'a', 'z' + 1)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    private static final String PROBLEM = "application/problem+json";

    @Inject
    RegistryFixtures fixtures;

    private static String today() {
        return PlatformCalendar.dayOf(Instant.now()).toString();
    }

    @Test
    void whatDelistsAnAppAndWhatDoesNot() {
        UUID revoked = listed("Revoked", Level.M3);
        fixtures.feed(new M1Events.M1Revoked(revoked, null, "certificate suspended", "fiona", Instant.now()));
        assertDelisted(revoked, "M1_REVOKED");

        UUID expired = listed("Expired", Level.M1);
        fixtures.feed(new M1Events.M1Expired(expired, null, LocalDate.now().minusDays(1), null, null, Instant.now()));
        assertDelisted(expired, "CERTIFICATE_EXPIRED");

        UUID withdrawn = listed("Withdrawn", Level.M2);
        fixtures.withdraw(withdrawn, "medisoft", "alice", "DISCONTINUED", "private words");
        assertDelisted(withdrawn, "WITHDRAWN_BY_VENDOR");
        given().when().get("/api/v1/apps/" + withdrawn).then()
                .body("marketWithdrawal.reasonCategory", equalTo("DISCONTINUED"))
                .body("marketWithdrawal.reason", nullValue());

        // Losing M2 lowers the level; the app stays listed.
        UUID lowered = listed("Lowered", Level.M2);
        fixtures.feed(new M2Events.M2Revoked(lowered, null, "TLS downgraded", "eric", Instant.now()));
        given().when().get("/api/v1/apps/" + lowered).then().statusCode(200)
                .body("listed", equalTo(true)).body("level", equalTo("M1"))
                .body("delistedOn", nullValue()).body("delistingReason", nullValue());

        // An expired app whose M1 comes back is listed again; its history keeps both changes.
        fixtures.feed(m1Granted(expired, UUID.randomUUID(), LocalDate.now().plusYears(2)));
        given().when().get("/api/v1/apps/" + expired).then().statusCode(200)
                .body("listed", equalTo(true)).body("delistedOn", nullValue()).body("delistingReason", nullValue());
        given().when().get("/api/v1/apps/" + expired + "/history").then().statusCode(200)
                .body("items.toLevel", contains("M1", null, "M1"))
                .body("items.delistingReason", contains(null, "CERTIFICATE_EXPIRED", null))
                .body("items.actor", contains("FAMHP", "FAMHP", "FAMHP"));
    }

    @Test
    void appsThatWereNeverListedStayPrivate() {
        String q = TOKEN + "-private";
        UUID draft = fixtures.create(body(q + " Draft"), "medisoft");
        UUID withdrawnDraft = fixtures.create(body(q + " Withdrawn"), "medisoft");
        fixtures.withdraw(withdrawnDraft, "medisoft", "alice", "COMMERCIAL", "never launched");
        for (UUID app : List.of(draft, withdrawnDraft)) {
            for (String path : List.of("", "/history", "/versions")) {
                given().when().get("/api/v1/apps/" + app + path).then().statusCode(404).contentType(PROBLEM);
            }
        }
        given().queryParam("q", q).queryParam("include", "delisted").when().get("/api/v1/catalog").then()
                .statusCode(200).body("total", equalTo(0));
    }

    @Test
    void theCatalogShowsDelistedAppsOnlyWhenAskedAfterTheListedOnes() {
        String q = TOKEN + "-cat";
        UUID alpha = listed(q + " Alpha", Level.M1);
        UUID bravo = listed(q + " Bravo", Level.M2);
        UUID charlie = listed(q + " Charlie", Level.M1);
        UUID delta = listed(q + " Delta", Level.M1);
        UUID echo = listed(q + " Echo", Level.M3);
        fixtures.feed(new M1Events.M1Revoked(charlie, null, "suspended", "fiona", Instant.now()));
        fixtures.feed(new M1Events.M1Revoked(alpha, null, "suspended", "fiona", Instant.now()));
        fixtures.withdraw(delta, "medisoft", "alice", "OTHER", "x");

        given().queryParam("q", q).when().get("/api/v1/catalog").then().statusCode(200)
                .body("items.id", contains(echo.toString(), bravo.toString()))
                .body("items.listed", contains(true, true))
                .body("total", equalTo(2));
        given().queryParam("q", q).queryParam("include", "delisted").when().get("/api/v1/catalog").then()
                .statusCode(200)
                .body("items.id", contains(echo.toString(), bravo.toString(), alpha.toString(), charlie.toString(),
                        delta.toString()))
                .body("items.listed", contains(true, true, false, false, false))
                .body("items.delistingReason", contains(null, null, "M1_REVOKED", "M1_REVOKED", "WITHDRAWN_BY_VENDOR"))
                .body("items.delistedOn", contains(null, null, today(), today(), today()))
                .body("items[2].level", nullValue())
                .body("items[2].facts.m1", nullValue())
                .body("total", equalTo(5))
                .body("facets.level.M1", equalTo(2))
                .body("facets.category.DIABETES", equalTo(5));
        given().queryParam("q", q).queryParam("include", "DELISTED").queryParam("level", "M1")
                .when().get("/api/v1/catalog").then().statusCode(200)
                .body("items.id", contains(echo.toString(), bravo.toString())).body("total", equalTo(2));
        given().queryParam("include", "drafts").when().get("/api/v1/catalog").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("include"));

        // Pages by number and by cursor walk the same order across the listed/delisted boundary.
        for (String lang : List.of("en", "de")) {
            String query = "/api/v1/catalog?include=delisted&size=2&lang=" + lang + "&q=" + q;
            List<String> byNumber = new ArrayList<>();
            for (int page = 0; page < 3; page++) {
                byNumber.addAll(given().when().get(query + "&page=" + page).then().statusCode(200)
                        .extract().<List<String>>path("items.id"));
            }
            List<String> byCursor = new ArrayList<>();
            String cursor = null;
            do {
                JsonPath page = given().when().get(query + (cursor == null ? "" : "&cursor=" + cursor))
                        .then().statusCode(200).extract().jsonPath();
                byCursor.addAll(page.getList("items.id"));
                cursor = page.getString("next");
            } while (cursor != null);
            assertThat(byNumber).hasSize(5).isEqualTo(byCursor);
            // A cursor of a listed-only request is not one of this request.
            String listedOnly = given().when().get("/api/v1/catalog?size=1&lang=" + lang + "&q=" + q).then()
                    .extract().path("next");
            given().when().get(query.replace("size=2", "size=1") + "&cursor=" + listedOnly).then().statusCode(400)
                    .body("errors.field", hasItem("cursor"));
        }
    }

    private UUID listed(String name, Level level) {
        UUID app = fixtures.create(body(name.startsWith(TOKEN) ? name : TOKEN + " " + name), "medisoft", "alice");
        fixtures.raiseTo(app, level);
        return app;
    }

    private static void assertDelisted(UUID app, String reason) {
        given().when().get("/api/v1/apps/" + app).then().statusCode(200)
                .body("listed", equalTo(false)).body("level", nullValue())
                .body("delistedOn", equalTo(today())).body("delistingReason", equalTo(reason))
                .body("createdBy", equalTo("medisoft"));
        given().when().get("/api/v1/apps/" + app + "/history").then().statusCode(200)
                .body("items[-1].toLevel", nullValue())
                .body("items[-1].delistingReason", equalTo(reason));
        given().when().get("/api/v1/apps/" + app + "/versions").then().statusCode(200).body("total", equalTo(0));
    }
}
