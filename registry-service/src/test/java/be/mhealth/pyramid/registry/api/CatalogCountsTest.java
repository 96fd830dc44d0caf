package be.mhealth.pyramid.registry.api;

import static be.mhealth.pyramid.registry.RegistryFixtures.body;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.M1Events;
import be.mhealth.pyramid.registry.RegistryFixtures;
import be.mhealth.pyramid.registry.domain.Category;
import be.mhealth.pyramid.registry.domain.Language;
import be.mhealth.pyramid.registry.domain.Platform;
import be.mhealth.pyramid.registry.domain.TargetUser;
import be.mhealth.pyramid.registry.repository.CatalogFilter;
import be.mhealth.pyramid.registry.repository.CatalogRepository;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * Totals, facet counts and stats come from counts the database keeps in every writing transaction: they must equal
 * a count of the apps after every kind of change, move together, and move the ETag.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class CatalogCountsTest {

    private static final String TOKEN = new Random().ints(8, 'a', 'z' + 1)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();

    @Inject
    RegistryFixtures fixtures;

    @Inject
    CatalogRepository catalog;

    @Test
    @TestSecurity(user = "alice", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "organization", value = "medisoft"))
    void totalsAndFacetsEqualACountAfterEveryKindOfChange() {
        UUID a = app("Anna", "SLEEP", List.of("IOS"), List.of("PATIENT"));
        UUID b = app("Bert", "SLEEP", List.of("ANDROID", "WEB"), List.of("HEALTHCARE_PROFESSIONAL"));
        app("Cora", "ONCOLOGY", List.of("WEB"), List.of("PATIENT", "HEALTHCARE_PROFESSIONAL")); // stays a draft
        assertExact();
        fixtures.raiseTo(a, Level.M2);
        fixtures.raiseTo(b, Level.M1);
        assertExact();
        // A vendor edit of a listed app moves it to other facet values.
        Map<String, Object> edit = body(TOKEN + " Bert");
        edit.put("category", "PREVENTION");
        edit.put("platforms", List.of("IOS"));
        given().contentType("application/json")
                .header("If-Match", "\"" + fixtures.app(b).version + "\"").body(edit)
                .when().put("/api/v1/apps/" + b).then().statusCode(200);
        assertExact();
        // M1 revoked: the app leaves the catalog although its M2 grant remains (delisted: counted with include).
        fixtures.feed(new M1Events.M1Revoked(a, null, "withdrawn", "fiona", Instant.now()));
        assertExact();
        // Relisted by a new M1 grant, then taken off the market by its vendor; a draft withdrawn stays out.
        fixtures.raiseTo(a, Level.M1);
        assertExact();
        fixtures.withdraw(a, "medisoft", "alice", "DISCONTINUED", "no longer maintained");
        fixtures.withdraw(fixtures.create(body(TOKEN + " Dirk"), "medisoft"), "medisoft", "alice", "COMMERCIAL",
                "never launched");
        assertExact();
    }

    @Test
    void aLevelChangeMovesTotalFacetsStatsAndTheETagAtOnce() {
        UUID app = app("Dora", "NEUROLOGY", List.of("WEB"), List.of("PATIENT"));
        Response before = given().when().get("/api/v1/catalog?category=NEUROLOGY&platform=WEB");
        before.then().statusCode(200).header("ETag", not(nullValue())).header("Cache-Control", "public, no-cache");
        String etag = before.header("ETag");
        Response stats = given().when().get("/api/v1/stats");
        String statsEtag = stats.header("ETag");
        given().header("If-None-Match", etag).when().get("/api/v1/catalog?category=NEUROLOGY&platform=WEB")
                .then().statusCode(304).header("ETag", etag);
        given().header("If-None-Match", statsEtag).when().get("/api/v1/stats").then().statusCode(304);

        fixtures.raiseTo(app, Level.M3);

        Response after = given().header("If-None-Match", etag)
                .when().get("/api/v1/catalog?category=NEUROLOGY&platform=WEB");
        after.then().statusCode(200).header("ETag", not(equalTo(etag)));
        JsonPath was = before.jsonPath();
        JsonPath is = after.jsonPath();
        assertThat(is.getLong("total")).isEqualTo(was.getLong("total") + 1);
        for (String facet : List.of("level.M1", "level.M2", "level.M3", "category.NEUROLOGY", "platform.WEB",
                "targetUser.PATIENT")) {
            assertThat(is.getLong("facets." + facet)).as(facet).isEqualTo(was.getLong("facets." + facet) + 1);
        }
        assertThat(is.getLong("facets.targetUser.HEALTHCARE_PROFESSIONAL"))
                .isEqualTo(was.getLong("facets.targetUser.HEALTHCARE_PROFESSIONAL"));
        Response statsAfter = given().header("If-None-Match", statsEtag).when().get("/api/v1/stats");
        statsAfter.then().statusCode(200).header("ETag", not(equalTo(statsEtag)));
        assertThat(statsAfter.jsonPath().getLong("perLevel.M3")).isEqualTo(stats.jsonPath().getLong("perLevel.M3") + 1);
        assertThat(statsAfter.jsonPath().getLong("listed")).isEqualTo(stats.jsonPath().getLong("listed") + 1);
        given().header("If-None-Match", "W/\"some-other\", " + after.header("ETag"))
                .when().get("/api/v1/catalog?category=NEUROLOGY&platform=WEB").then().statusCode(304);
    }

    @Test
    void cursorsWalkTheSamePagesAsPageNumbers() {
        for (String name : List.of("Emil", "Fritz", "Gus", "Hanna", "Ida")) {
            fixtures.raiseTo(app(name, "PREGNANCY", List.of("IOS"), List.of("PATIENT")), Level.M1);
        }
        fixtures.raiseTo(app("Jan", "PREGNANCY", List.of("IOS"), List.of("PATIENT")), Level.M2);
        for (String lang : List.of("en", "de")) {
            String query = "/api/v1/catalog?q=" + TOKEN + "&category=PREGNANCY&size=2&lang=" + lang;
            List<String> byNumber = new ArrayList<>();
            for (int page = 0; page < 3; page++) {
                byNumber.addAll(given().when().get(query + "&page=" + page).then().statusCode(200)
                        .extract().<List<String>>path("items.id"));
            }
            List<String> byCursor = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                JsonPath page = given().when().get(query + (cursor == null ? "" : "&cursor=" + cursor))
                        .then().statusCode(200).body("page", equalTo(pages)).extract().jsonPath();
                byCursor.addAll(page.getList("items.id"));
                cursor = page.getString("next");
                pages++;
            } while (cursor != null);
            assertThat(pages).isEqualTo(3);
            assertThat(byCursor).hasSize(6).isEqualTo(byNumber);
        }
        String base = "/api/v1/catalog?q=" + TOKEN + "&size=2&category=";
        String next = given().when().get(base + "PREGNANCY").then().extract().path("next");
        for (String[] bad : new String[][] { { "PREGNANCY&page=1&cursor=" + next, "page" },
                { "SLEEP&cursor=" + next, "cursor" }, { "PREGNANCY&lang=fr&cursor=" + next, "cursor" },
                { "PREGNANCY&size=3&cursor=" + next, "cursor" }, { "PREGNANCY&cursor=bm9wZQ", "cursor" } }) {
            given().when().get(base.replace("&size=2", bad[0].contains("size=3") ? "" : "&size=2") + bad[0])
                    .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(bad[1]));
        }
    }

    private UUID app(String name, String category, List<String> platforms, List<String> targetUsers) {
        Map<String, Object> body = body(TOKEN + " " + name);
        body.put("category", category);
        body.put("platforms", platforms);
        body.put("targetUsers", targetUsers);
        return fixtures.create(body, "medisoft");
    }

    /** For a spread of filters (with and without text): total and every facet value equal a count of the apps. */
    private void assertExact() {
        List<CatalogFilter> filters = new ArrayList<>();
        for (String text : new String[] { null, TOKEN }) {
            for (boolean delisted : new boolean[] { false, true }) {
                filters.add(new CatalogFilter(null, null, null, null, text, Language.EN, delisted));
                filters.add(new CatalogFilter(Level.M2, null, null, null, text, Language.EN, delisted));
                filters.add(new CatalogFilter(null, Category.SLEEP, Platform.IOS, null, text, Language.FR, delisted));
                filters.add(new CatalogFilter(Level.M1, Category.PREVENTION, null, TargetUser.HEALTHCARE_PROFESSIONAL,
                        text, Language.DE, delisted));
                filters.add(new CatalogFilter(null, null, null, TargetUser.PATIENT, text, Language.NL, delisted));
            }
        }
        for (CatalogFilter filter : filters) {
            JsonPath page = given().queryParams(params(filter)).queryParam("size", 100).when().get("/api/v1/catalog")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(page.getLong("total")).as("total of %s", filter).isEqualTo(count(filter));
            if (filter.text() != null) {
                assertThat(page.getList("items")).as("items of %s", filter).hasSize((int) count(filter));
                assertThat(page.getList("items.listed", Boolean.class)).as("listed of %s", filter)
                        .allMatch(listed -> listed || filter.matchesDelisted());
            }
            for (Level level : Level.values()) {
                assertThat(page.getLong("facets.level." + level)).as("level %s of %s", level, filter).isEqualTo(
                        count(new CatalogFilter(level, filter.category(), filter.platform(), filter.targetUser(),
                                filter.text(), filter.language(), filter.includeDelisted())));
            }
            for (Category category : Category.values()) {
                assertThat(page.getLong("facets.category." + category)).as("%s of %s", category, filter).isEqualTo(
                        count(new CatalogFilter(filter.minLevel(), category, filter.platform(), filter.targetUser(),
                                filter.text(), filter.language(), filter.includeDelisted())));
            }
            for (Platform platform : Platform.values()) {
                assertThat(page.getLong("facets.platform." + platform)).as("%s of %s", platform, filter).isEqualTo(
                        count(new CatalogFilter(filter.minLevel(), filter.category(), platform, filter.targetUser(),
                                filter.text(), filter.language(), filter.includeDelisted())));
            }
            for (TargetUser user : TargetUser.values()) {
                assertThat(page.getLong("facets.targetUser." + user)).as("%s of %s", user, filter).isEqualTo(
                        count(new CatalogFilter(filter.minLevel(), filter.category(), filter.platform(), user,
                                filter.text(), filter.language(), filter.includeDelisted())));
            }
        }
        long listed = count(new CatalogFilter(null, null, null, null, null, Language.EN));
        long withDelisted = count(new CatalogFilter(null, null, null, null, null, Language.EN, true));
        given().when().get("/api/v1/stats").then().statusCode(200).body("listed", equalTo((int) listed))
                .body("delisted", equalTo((int) (withDelisted - listed)));
    }

    private long count(CatalogFilter filter) {
        return QuarkusTransaction.requiringNew().call(() -> catalog.count(filter));
    }

    private static Map<String, Object> params(CatalogFilter filter) {
        Map<String, Object> params = new java.util.LinkedHashMap<>();
        params.put("lang", filter.language().code());
        if (filter.minLevel() != null) {
            params.put("level", filter.minLevel().name());
        }
        if (filter.category() != null) {
            params.put("category", filter.category().name());
        }
        if (filter.platform() != null) {
            params.put("platform", filter.platform().name());
        }
        if (filter.targetUser() != null) {
            params.put("targetUser", filter.targetUser().name());
        }
        if (filter.text() != null) {
            params.put("q", filter.text());
        }
        if (filter.includeDelisted()) {
            params.put("include", "delisted");
        }
        return params;
    }
}
