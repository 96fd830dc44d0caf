package be.mhealth.pyramid.registry.api;

import static be.mhealth.pyramid.registry.RegistryFixtures.body;
import static be.mhealth.pyramid.registry.RegistryFixtures.versionBody;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.M1Events;
import be.mhealth.pyramid.events.M2Events;
import be.mhealth.pyramid.events.M3Events;
import be.mhealth.pyramid.registry.RegistryFixtures;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;

/**
 * Public responses never carry a person's name: every public registry route, read anonymously and by another vendor,
 * shows no demo user name, although vendors' users and assessors of every authority acted on these apps (and the
 * owning vendor does see them). Catalog reads are narrowed to this test's apps: other tests' app names are free text.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class NoNamesInPublicResponsesTest {

    /** The local realm's users (and the names the fixtures act under). */
    private static final Pattern NAMES = Pattern.compile(
            "\\b(fiona|eric|nina|tess|alice|bob|ada|chloe|dirk)\\b", Pattern.CASE_INSENSITIVE);
    private static final String TOKEN = new Random().ints(8, 'a', 'z' + 1)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    private static UUID climbed;
    private static UUID revoked;
    private static UUID withdrawn;
    private static final List<String> VERSIONS = new ArrayList<>();

    @Inject
    RegistryFixtures fixtures;

    /** An app at M3 with versions, one delisted by FAMHP, one its vendor withdrew; every act by a named person. */
    @BeforeEach
    void actedOnByPeople() {
        if (climbed != null) {
            return;
        }
        climbed = fixtures.create(body(TOKEN + " Climbed"), "medisoft", "alice");
        fixtures.feed(new M1Events.M1Granted(climbed, UUID.randomUUID(), "MDR", "IIa", "CE-1",
                LocalDate.now().plusYears(3), "fiona", Instant.now(), "0123", "CONSENT", "THIRD_COUNTRY", "CH",
                "ADEQUACY_DECISION", "dpo@medisoft.be", "https://medisoft.be/privacy", null));
        fixtures.feed(new M2Events.M2Granted(climbed, UUID.randomUUID(), List.of("SECURITY"), "eric", Instant.now()));
        fixtures.feed(new M3Events.M3Granted(climbed, UUID.randomUUID(), M3Events.ReimbursementKind.DEFINITIVE,
                "790013", new BigDecimal("12.00"), "PER_PATIENT_PER_MONTH", LocalDate.now(), null, "nina",
                Instant.now()));
        fixtures.feed(new M2Events.M2Revoked(climbed, null, "re-test pending", "tess", Instant.now()));
        fixtures.feed(new M2Events.M2Granted(climbed, UUID.randomUUID(), List.of("SECURITY"), "eric", Instant.now()));
        VERSIONS.add(climbed + "/versions/" + fixtures.declare(climbed, versionBody("1.0"), "medisoft", "alice"));
        VERSIONS.add(climbed + "/versions/" + fixtures.declare(climbed, versionBody("2.0", "DATA_FLOWS"), "medisoft",
                "chloe"));

        revoked = fixtures.create(body(TOKEN + " Revoked"), "carelab", "bob");
        fixtures.feed(new M1Events.M1Granted(revoked, UUID.randomUUID(), "MDD 93/42", "I", "CE-2",
                LocalDate.now().plusYears(1), "famhp-system", Instant.now()));
        fixtures.feed(new M1Events.M1Expired(revoked, null, LocalDate.now().minusDays(1), "notified body 2797",
                "ada", Instant.now()));
        VERSIONS.add(revoked + "/versions/" + fixtures.declare(revoked, versionBody("0.9"), "carelab", "dirk"));

        withdrawn = fixtures.create(body(TOKEN + " Withdrawn"), "vitalink", "chloe");
        fixtures.raiseTo(withdrawn, be.mhealth.pyramid.events.Level.M2);
        fixtures.withdraw(withdrawn, "vitalink", "chloe", "SAFETY", "bob from QA found a defect");
    }

    @Test
    void anonymousCallersReadNoNameOnAnyPublicRoute() {
        assertNoNameOnAnyPublicRoute();
    }

    @Test
    @TestSecurity(user = "dirk", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "organization", value = "respira"))
    void anotherVendorReadsNoNameEither() {
        assertNoNameOnAnyPublicRoute();
    }

    @Test
    @TestSecurity(user = "alice", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "organization", value = "medisoft"))
    void theOwningVendorSeesWhoDidWhat() {
        String app = given().get("/api/v1/apps/" + climbed).then().statusCode(200).extract().asString();
        String history = given().get("/api/v1/apps/" + climbed + "/history").then().statusCode(200).extract()
                .asString();
        String versions = given().get("/api/v1/apps/" + climbed + "/versions").then().statusCode(200).extract()
                .asString();
        assertThat(names(app)).contains("alice");
        assertThat(names(history)).contains("fiona", "eric", "nina", "tess");
        assertThat(names(versions)).contains("alice", "chloe");
    }

    private void assertNoNameOnAnyPublicRoute() {
        List<String> paths = new ArrayList<>(List.of("/api/v1/stats", "/q/openapi", "/q/openapi?format=json"));
        for (String lang : List.of("nl", "fr", "en", "de")) {
            paths.add("/api/v1/labels?lang=" + lang);
            paths.add("/api/v1/catalog?lang=" + lang + "&q=" + TOKEN);
            paths.add("/api/v1/catalog?include=delisted&size=100&lang=" + lang + "&q=" + TOKEN);
            paths.add("/api/v1/catalog?level=M3&lang=" + lang + "&q=" + TOKEN);
        }
        for (UUID app : List.of(climbed, revoked, withdrawn)) {
            for (String lang : List.of("nl", "fr", "en", "de")) {
                paths.add("/api/v1/apps/" + app + "?lang=" + lang);
            }
            paths.add("/api/v1/apps/" + app + "/history?size=100");
            paths.add("/api/v1/apps/" + app + "/versions?size=100");
        }
        VERSIONS.forEach(v -> paths.add("/api/v1/apps/" + v));
        int read = 0;
        for (String path : paths) {
            String response = given().when().get(path).then().statusCode(200).extract().asString();
            assertThat(names(response)).as("names in %s", path).isEmpty();
            read += response.length();
        }
        // Not vacuous: the three apps (the topics with every fact M1, M2 and M3 published), their histories and
        // versions were really read.
        given().get("/api/v1/apps/" + climbed).then().body("topics.dataProtection.dpoContact", equalTo("dpo@medisoft.be"))
                .body("topics.financing.status", equalTo("ASSESSED"))
                .body("topics.communicationSecurity.criteria.code", hasItem("SECURITY"));
        assertThat(given().get("/api/v1/catalog?include=delisted&q=" + TOKEN).then().extract().<Integer>path("total"))
                .isEqualTo(3);
        assertThat(read).isGreaterThan(10_000);
    }

    private static List<String> names(String body) {
        return NAMES.matcher(body).results().map(r -> r.group(1).toLowerCase()).distinct().toList();
    }
}
