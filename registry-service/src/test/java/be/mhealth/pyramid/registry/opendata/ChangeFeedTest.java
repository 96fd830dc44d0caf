package be.mhealth.pyramid.registry.opendata;

import static be.mhealth.pyramid.registry.RegistryFixtures.body;
import static be.mhealth.pyramid.registry.RegistryFixtures.child;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.M1Events;
import be.mhealth.pyramid.registry.RegistryFixtures;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChangeFeedTest {

    private static final String FEED = "/api/v1/open-data/changes.atom";
    private static final String TOKEN = "feed" + UUID.randomUUID().toString().substring(0, 6);
    private static UUID alpha;
    private static UUID bravo;
    private static UUID charlie;

    @Inject
    RegistryFixtures fixtures;

    /**
     * Alpha climbs to M3 (it has German texts); Bravo reaches M1 and its certificate expires; Charlie reaches M2 and
     * loses every level when FAMHP revokes M1. Eight level changes, the newest last.
     */
    @BeforeEach
    void seed() {
        if (alpha != null) {
            return;
        }
        Map<String, Object> a = body(TOKEN + " Alpha");
        child(a, "name").put("de", TOKEN + " Alpha DE");
        child(a, "summary").put("de", "Zusammenfassung");
        alpha = fixtures.create(a, "medisoft");
        fixtures.raiseTo(alpha, Level.M3);
        bravo = fixtures.create(body(TOKEN + " Bravo"), "carelab");
        UUID dossier = UUID.randomUUID();
        fixtures.feed(RegistryFixtures.m1Granted(bravo, dossier, LocalDate.now().plusDays(10)));
        fixtures.feed(new M1Events.M1Expired(bravo, dossier, LocalDate.of(2026, 2, 28), "not renewed", "fiona",
                Instant.now()));
        charlie = fixtures.create(body(TOKEN + " Charlie"), "carelab");
        fixtures.raiseTo(charlie, Level.M2);
        fixtures.feed(new M1Events.M1Revoked(charlie, null, "certificate suspended", "fiona", Instant.now()));
    }

    @Test
    void theNewestChangesComeFirstInTheLanguageAskedAndPagesFollowByLinks() throws Exception {
        Response first = given().queryParam("lang", "fr").queryParam("size", 5).get(FEED);
        first.then().statusCode(200).contentType("application/atom+xml;charset=utf-8")
                .header("Content-Language", "fr").header("Cache-Control", "public, no-cache");
        Feed page1 = AtomChecks.feed(first.asByteArray());
        assertThat(page1.getEntries()).hasSize(5);
        assertThat(titles(page1)).containsExactly(
                TOKEN + " Charlie FR perd son niveau M2",
                TOKEN + " Charlie FR atteint M2",
                TOKEN + " Charlie FR atteint M1",
                TOKEN + " Bravo FR perd son niveau M1",
                TOKEN + " Bravo FR atteint M1");
        Entry expired = page1.getEntries().get(3);
        assertThat(expired.getContents().get(0).getValue()).isEqualTo("Le certificat CE a expiré le 2026-02-28 (M1).");
        assertThat(expired.getSummary().getValue()).isEqualTo("Résumé de " + TOKEN + " Bravo");
        assertThat(expired.getCategories()).extracting(c -> c.getTerm()).containsExactly("none", "DIABETES");
        assertThat(page1.getEntries()).extracting(Entry::getUpdated).isSortedAccordingTo((x, y) -> y.compareTo(x));
        assertThat(page1.getAuthors()).singleElement().satisfies(a -> assertThat(a.getName())
                .isEqualTo("Pyramid (mHealthBelgium)"));
        assertThat(first.asString()).as("no person's name, no free-text reason").doesNotContain("fiona", "eric",
                "nina", "suspended", "not renewed");

        String next = link(page1, "next");
        assertThat(link(page1, "self")).endsWith(FEED + "?lang=fr&size=5");
        assertThat(link(page1, "first")).endsWith(FEED + "?lang=fr&size=5");
        Feed page2 = AtomChecks.feed(given().get(URI(next)).then().statusCode(200).extract().asByteArray());
        assertThat(titles(page2).subList(0, 3)).containsExactly(
                TOKEN + " Alpha FR atteint M3",
                TOKEN + " Alpha FR atteint M2",
                TOKEN + " Alpha FR atteint M1");
        assertThat(link(page2, "self")).isEqualTo(next);
        assertThat(page2.getId()).as("one feed across its pages").isEqualTo(page1.getId());
        long lastOfPage1 = position(page1.getEntries().get(4));
        assertThat(page2.getEntries()).allSatisfy(e -> assertThat(position(e)).isLessThan(lastOfPage1));
    }

    @Test
    void entriesHaveStableTagIdsAndLinkTheAppsPublicPageOnTheCalledHost() throws Exception {
        Response response = given().header("X-Forwarded-Host", "pyramid.example.org").header("X-Forwarded-Proto", "https")
                .header("Accept-Language", "nl-BE, fr;q=0.5").queryParam("size", 8).get(FEED);
        response.then().statusCode(200).header("Content-Language", "nl");
        Feed feed = AtomChecks.feed(response.asByteArray());
        Entry reachedM3 = feed.getEntries().stream().filter(e -> e.getTitle().equals(TOKEN + " Alpha NL heeft M3 bereikt"))
                .findFirst().orElseThrow();
        assertThat(reachedM3.getId()).matches("tag:pyramid\\.mhealth\\.be,2026:level-change/\\d+");
        Link alternate = reachedM3.getAlternateLinks().get(0);
        assertThat(alternate.getHrefResolved()).isEqualTo("https://pyramid.example.org/api/v1/apps/" + alpha);
        assertThat(link(feed, "self")).startsWith("https://pyramid.example.org/");
        assertThat(reachedM3.getContents().get(0).getValue())
                .isEqualTo("Het RIZIV kende een tijdelijke terugbetaling toe (M3).");
        given().get("/api/v1/apps/" + alpha).then().statusCode(200).body("level", equalTo("M3"));

        Feed again = AtomChecks.feed(given().queryParam("lang", "nl").queryParam("size", 8).get(FEED).asByteArray());
        assertThat(again.getEntries()).extracting(Entry::getId).contains(reachedM3.getId());
    }

    @Test
    void germanFallsBackToEnglishPerEntry() throws Exception {
        String xml = given().queryParam("lang", "de").queryParam("size", 8).get(FEED).then().statusCode(200)
                .extract().asString();
        AtomChecks.feed(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(xml).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"de\">")
                .contains("<title>" + TOKEN + " Alpha DE hat M3 erreicht</title>")
                .contains("<entry xml:lang=\"en\"><id>")
                .contains("<title>" + TOKEN + " Bravo EN lost its level M1</title>");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void validatorsAnswer304UntilTheCatalogChanges() throws Exception {
        Response response = given().queryParam("lang", "en").get(FEED);
        String etag = response.header("ETag");
        assertThat(etag).startsWith("W/\"a1-");
        given().queryParam("lang", "en").header("If-None-Match", etag).get(FEED).then().statusCode(304)
                .header("ETag", etag);
        given().queryParam("lang", "fr").header("If-None-Match", etag).get(FEED).then().statusCode(200);

        // Last-Modified appears once the last change is a whole second old; If-Modified-Since then gets 304.
        Thread.sleep(1100);
        String lastModified = given().queryParam("lang", "en").get(FEED).then().statusCode(200).extract()
                .header("Last-Modified");
        assertThat(lastModified).endsWith("GMT");
        given().queryParam("lang", "en").header("If-Modified-Since", lastModified).get(FEED).then().statusCode(304);

        UUID delta = fixtures.create(body(TOKEN + " Delta"), "medisoft");
        fixtures.raiseTo(delta, Level.M1);
        Response changed = given().queryParam("lang", "en").header("If-None-Match", etag).get(FEED);
        changed.then().statusCode(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(titles(AtomChecks.feed(changed.asByteArray())).get(0)).isEqualTo(TOKEN + " Delta EN reached M1");
    }

    @Test
    void invalidParametersAreProblemsNamingThem() {
        given().queryParam("lang", "es").get(FEED).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("lang"));
        for (String size : List.of("0", "-3", "abc")) {
            given().queryParam("size", size).get(FEED).then().statusCode(400).body("errors.field", hasItem("size"));
        }
        for (String before : List.of("0", "x1")) {
            given().queryParam("before", before).get(FEED).then().statusCode(400)
                    .body("errors.field", hasItem("before"));
        }
        given().queryParam("size", 100000).get(FEED).then().statusCode(200)
                .body(startsWith("<?xml"));
        assertThat(given().queryParam("size", 100000).get(FEED).asString()).contains("size=100\"");
    }

    private static List<String> titles(Feed feed) {
        return feed.getEntries().stream().map(Entry::getTitle).toList();
    }

    private static String link(Feed feed, String rel) {
        return feed.getOtherLinks().stream().filter(l -> rel.equals(l.getRel())).map(Link::getHref).findFirst()
                .orElse(null);
    }

    private static long position(Entry entry) {
        return Long.parseLong(entry.getId().substring(entry.getId().lastIndexOf('/') + 1));
    }

    /** The path and query of an absolute link, to request it from the test server. */
    private static String URI(String absolute) {
        java.net.URI uri = java.net.URI.create(absolute);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }
}
