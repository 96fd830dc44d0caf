package be.mhealth.pyramid.registry.api;

import static be.mhealth.pyramid.registry.RegistryFixtures.body;
import static be.mhealth.pyramid.registry.RegistryFixtures.child;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.registry.RegistryFixtures;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class CatalogTest {

    /** A word only this test's apps carry, so other tests' apps never show up in its searches. */
    private static final String TOKEN = new Random().ints(8, 'a', 'z' + 1)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    private static boolean seeded;

    @Inject
    RegistryFixtures fixtures;

    /** Alpha M3, Bravo M2, Charlie M1, Echo M1 are listed; Delta is a draft. */
    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        listed("Alpha", "DIABETES", List.of("IOS", "ANDROID"), List.of("PATIENT"), Level.M3, true);
        listed("Bravo", "CARDIOLOGY", List.of("WEB"), List.of("HEALTHCARE_PROFESSIONAL"), Level.M2, false);
        listed("Charlie", "DIABETES", List.of("ANDROID"), List.of("PATIENT"), Level.M1, false);
        listed("Delta", "DIABETES", List.of("IOS"), List.of("PATIENT"), null, false);
        listed("Echo", "MENTAL_HEALTH", List.of("IOS"), List.of("PATIENT", "HEALTHCARE_PROFESSIONAL"), Level.M1, false);
        seeded = true;
    }

    private void listed(String name, String category, List<String> platforms, List<String> targetUsers, Level level,
            boolean german) {
        Map<String, Object> body = body(TOKEN + " " + name);
        body.put("category", category);
        body.put("platforms", platforms);
        body.put("targetUsers", targetUsers);
        if (german) {
            child(body, "name").put("de", TOKEN + " " + name + " DE");
            child(body, "summary").put("de", "Zusammenfassung von " + name);
        }
        if (name.equals("Bravo")) {
            child(body, "summary").put("fr", "Suivi du rythme cardiaque " + TOKEN);
        }
        UUID id = fixtures.create(body, "medisoft");
        if (level != null) {
            fixtures.raiseTo(id, level);
        }
    }

    private static ValidatableResponse catalog(String query) {
        return given().when().get("/api/v1/catalog?q=" + TOKEN + (query.isEmpty() ? "" : "&" + query))
                .then().statusCode(200);
    }

    private static List<String> names(String... names) {
        return Arrays.stream(names).map(n -> TOKEN + " " + n + " EN").toList();
    }

    @Test
    void listsOnlyListedAppsByLevelThenName() {
        catalog("").body("total", equalTo(4)).body("language", equalTo("en"))
                .header("Content-Language", equalTo("en"))
                .body("items.name", contains(names("Alpha", "Bravo", "Charlie", "Echo").toArray()))
                .body("items.level", contains("M3", "M2", "M1", "M1"));
    }

    @Test
    void filtersNarrowTheList() {
        catalog("level=M2").body("items.name", contains(names("Alpha", "Bravo").toArray()));
        catalog("category=DIABETES").body("items.name", contains(names("Alpha", "Charlie").toArray()));
        catalog("platform=IOS").body("items.name", contains(names("Alpha", "Echo").toArray()));
        catalog("targetUser=HEALTHCARE_PROFESSIONAL").body("items.name", contains(names("Bravo", "Echo").toArray()));
        catalog("category=diabetes&platform=android&level=m1")
                .body("total", equalTo(2)).body("items.name", contains(names("Alpha", "Charlie").toArray()));
        catalog("level=M3&targetUser=HEALTHCARE_PROFESSIONAL").body("total", equalTo(0)).body("items", empty());
    }

    @Test
    void itemsCarryTheFactsOfTheirLevels() {
        catalog("level=M3")
                .body("items[0].facts.m1.deviceClass", equalTo("IIa"))
                .body("items[0].facts.m1.certificateValid", equalTo(true))
                .body("items[0].facts.m2.criteriaMet", hasItem("SECURITY"))
                .body("items[0].facts.m3.kind", equalTo("TEMPORARY"))
                .body("items[0].facts.m3.nomenclatureCode", equalTo("790012"));
        catalog("level=M1&category=CARDIOLOGY")
                .body("items[0].facts.m2", notNullValue())
                .body("items[0].facts.m3", nullValue());
    }

    @Test
    void theLanguageComesFromLangOrAcceptLanguage() {
        catalog("lang=nl").body("language", equalTo("nl")).header("Content-Language", equalTo("nl"))
                .body("items[0].name", equalTo(TOKEN + " Alpha NL"))
                .body("items[0].summary", equalTo("Samenvatting van " + TOKEN + " Alpha"));
        given().header("Accept-Language", "de-DE, fr;q=0.5").when().get("/api/v1/catalog?q=" + TOKEN)
                .then().statusCode(200).body("language", equalTo("de")).header("Content-Language", equalTo("de"))
                .body("items[0].name", equalTo(TOKEN + " Alpha DE")).body("items[0].language", equalTo("de"))
                .body("items[1].name", equalTo(TOKEN + " Bravo EN")).body("items[1].language", equalTo("en"));
        given().header("Accept-Language", "es, fr;q=0.3").when().get("/api/v1/catalog?q=" + TOKEN)
                .then().statusCode(200).body("language", equalTo("fr")).body("items[0].name", equalTo(TOKEN + " Alpha FR"));
        given().header("Accept-Language", "es, it").when().get("/api/v1/catalog?q=" + TOKEN)
                .then().statusCode(200).body("language", equalTo("en"));
        given().header("Accept-Language", "de").when().get("/api/v1/catalog?lang=FR&q=" + TOKEN)
                .then().statusCode(200).body("language", equalTo("fr"));
    }

    @Test
    void textSearchUsesTheChosenLanguage() {
        given().when().get("/api/v1/catalog?lang=fr&q=rythme cardiaque " + TOKEN)
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].name", equalTo(TOKEN + " Bravo FR"));
        given().when().get("/api/v1/catalog?lang=en&q=rythme cardiaque " + TOKEN)
                .then().statusCode(200).body("total", equalTo(0));
        given().when().get("/api/v1/catalog?q=" + TOKEN.toUpperCase(Locale.ROOT) + " ALPHA")
                .then().statusCode(200).body("total", equalTo(1));
        given().queryParam("q", "%%%").when().get("/api/v1/catalog").then().statusCode(200).body("total", equalTo(0));
        given().queryParam("q", "___").when().get("/api/v1/catalog").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void pagesAreCappedAndCounted() {
        catalog("size=2").body("total", equalTo(4)).body("page", equalTo(0)).body("size", equalTo(2))
                .body("items.name", contains(names("Alpha", "Bravo").toArray()));
        catalog("size=2&page=1").body("items.name", contains(names("Charlie", "Echo").toArray()));
        catalog("size=2&page=2").body("total", equalTo(4)).body("items", empty());
        catalog("size=5000").body("size", equalTo(100));
    }

    @Test
    void badParametersAreProblemsNamingThem() {
        for (String[] c : new String[][] { { "level=M4", "level" }, { "category=ASTROLOGY", "category" },
                { "platform=PALM", "platform" }, { "targetUser=PETS", "targetUser" }, { "lang=es", "lang" },
                { "q=ab", "q" }, { "page=-1", "page" }, { "size=0", "size" } }) {
            given().when().get("/api/v1/catalog?" + c[0])
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem(c[1]));
        }
    }

    @Test
    void statsCountListedAppsPerLevel() {
        int listed = given().when().get("/api/v1/catalog").then().statusCode(200).extract().path("total");
        int m3 = given().when().get("/api/v1/catalog?level=M3").then().statusCode(200).extract().path("total");
        int m2up = given().when().get("/api/v1/catalog?level=M2").then().statusCode(200).extract().path("total");
        given().when().get("/api/v1/stats")
                .then().statusCode(200)
                .body("listed", equalTo(listed))
                .body("perLevel.M3", equalTo(m3))
                .body("perLevel.M2", equalTo(m2up - m3))
                .body("perLevel.M1", equalTo(listed - m2up));
    }
}
