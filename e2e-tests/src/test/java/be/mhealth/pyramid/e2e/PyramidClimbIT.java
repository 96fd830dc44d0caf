package be.mhealth.pyramid.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.path.json.JsonPath;

/**
 * The whole climb, as vendors and the three authorities drive it, against the real platform (PostgreSQL, Kafka,
 * Keycloak with the repo's realm, the five packaged services) started by {@code ./pyramid up}, only through the
 * gateway and only with real tokens.
 */
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedPlatform.class)
class PyramidClimbIT {

    static Platform platform;
    static PyramidClient client;
    static ClimbSteps steps;

    /** The app alice climbs with in scenarios 1 to 4. */
    static UUID app;
    static String appName;
    static UUID m1Dossier;

    @BeforeAll
    static void connect() {
        platform = SharedPlatform.platform();
        client = new PyramidClient(platform.gatewayUrl(), platform.realmUrl());
        steps = new ClimbSteps(client);
    }

    @Test
    @Order(1)
    void aliceRegistersAnAppAndFamhpGrantsM1() {
        appName = "Climber" + UUID.randomUUID().toString().substring(0, 8);
        app = steps.registerApp("alice", listing(appName), null);
        assertThat(catalogLevel(app, appName)).as("a draft is not listed").isNull();

        m1Dossier = steps.submitM1("alice", app, "IIa", LocalDate.now().plusYears(3));
        steps.decideM1(client.as("fiona"), m1Dossier, "APPROVED", null);
        long approved = System.nanoTime();
        awaitCatalogLevel(app, appName, "M1", Duration.ofMillis(5));
        System.out.printf("E2E: approval response → level visible in the catalog: %.0f ms (first decision of a fresh "
                + "platform)%n", (System.nanoTime() - approved) / 1e6);

        client.anonymous().get("/api/v1/apps/" + app).then().statusCode(200)
                .body("level", equalTo("M1"))
                .body("facts.m1.deviceClass", equalTo("IIa"));
    }

    @Test
    @Order(2)
    void climbsToM2AndThenToM3WithTheReimbursementFacts() {
        ClimbSteps.M2Dossier m2 = steps.submitM2("alice", app, ClimbSteps.riskAssessment(true));
        assertThat(m2.requiredCriteria()).isNotEmpty().contains("SECURITY");
        for (String criterion : m2.requiredCriteria()) {
            steps.recordTestResult(client.as("tess"), m2.id(), criterion, "PASS");
        }
        steps.decideM2(client.as("eric"), m2.id(), "APPROVED", null);
        awaitCatalogLevel(app, appName, "M2", Duration.ofMillis(100));

        UUID m3 = steps.submitM3("alice", app);
        // NIHDI's queue names the app (from the app copy) and the statutory due date of its step.
        JsonPath queue = client.as("nina").queryParam("size", 100).get("/api/v1/m3/review-queue").then()
                .statusCode(200).extract().jsonPath();
        assertThat(queue.getString("items.find { it.dossierId == '" + m3 + "' }.appName.en")).isEqualTo(appName);
        assertThat(queue.getString("items.find { it.dossierId == '" + m3 + "' }.dueDate")).isNotNull();
        steps.decideM3(client.as("nina"), m3, Map.of("outcome", "ADMISSIBLE"));
        steps.decideM3(client.as("nina"), m3, ClimbSteps.approvedTemporary("789012"));
        awaitCatalogLevel(app, appName, "M3", Duration.ofMillis(100));
        assertThat(client.as("alice").get("/api/v1/m3/dossiers/" + m3 + "/history").then().statusCode(200)
                .extract().jsonPath().getList("items.action", String.class))
                .containsExactly("CREATE", "SUBMIT", "DECLARE_ADMISSIBLE", "APPROVE_TEMPORARY");

        JsonPath details = client.anonymous().get("/api/v1/apps/" + app).then().statusCode(200).extract().jsonPath();
        assertThat(details.getString("facts.m3.kind")).isEqualTo("TEMPORARY");
        assertThat(details.getString("facts.m3.nomenclatureCode")).isEqualTo("789012");
        assertThat(details.getList("facts.m2.criteriaMet", String.class))
                .containsExactlyInAnyOrderElementsOf(m2.requiredCriteria());
    }

    @Test
    @Order(3)
    void revokingM1DropsTheAppAndANewM1RestoresM3() {
        steps.revokeM1(client.as("fiona"), m1Dossier, "certificate suspended by the notified body");
        awaitCatalogLevel(app, appName, null, Duration.ofMillis(100));

        UUID second = steps.submitM1("alice", app, "IIa", LocalDate.now().plusYears(4));
        steps.decideM1(client.as("fiona"), second, "APPROVED", null);
        awaitCatalogLevel(app, appName, "M3", Duration.ofMillis(100));

        List<String> levels = client.anonymous().get("/api/v1/apps/" + app + "/history").then().statusCode(200)
                .extract().jsonPath().getList("items.toLevel");
        assertThat(levels).containsSubsequence("M1", "M2", "M3", null, "M3");
    }

    @Test
    @Order(4)
    void anotherVendorAndAnonymousCallersAreKeptOut() {
        UUID draft = steps.registerApp("alice", listing("Draft" + UUID.randomUUID().toString().substring(0, 8)), null);
        UUID dossier = UUID.fromString(client.as("alice").body(ClimbSteps.m1Dossier(draft, "I", LocalDate.now()
                .plusYears(2))).post("/api/v1/m1/dossiers").then().statusCode(201).extract().path("id"));

        client.as("bob").get("/api/v1/apps/" + draft).then().statusCode(404);
        client.as("bob").body(listing("Hijack")).header("If-Match", "\"0\"").put("/api/v1/apps/" + draft)
                .then().statusCode(404);
        client.as("bob").get("/api/v1/m1/dossiers/" + dossier).then().statusCode(404);
        // FAMHP never sees a draft (issue 19), nor its history or attachments.
        client.as("fiona").get("/api/v1/m1/dossiers/" + dossier).then().statusCode(404);
        client.as("fiona").get("/api/v1/m1/dossiers/" + dossier + "/attachments").then().statusCode(404);
        client.as("bob").post("/api/v1/m1/dossiers/" + dossier + "/submit").then().statusCode(404);
        client.as("bob").body(Map.of("outcome", "APPROVED")).post("/api/v1/m1/dossiers/" + dossier + "/decision")
                .then().statusCode(403);
        client.as("alice").body(Map.of("outcome", "APPROVED")).post("/api/v1/m1/dossiers/" + m1Dossier + "/decision")
                .then().statusCode(403);

        client.anonymous().get("/api/v1/catalog").then().statusCode(200);
        client.anonymous().get("/api/v1/stats").then().statusCode(200);
        client.anonymous().get("/api/v1/apps/" + draft).then().statusCode(404);
        client.anonymous().get("/api/v1/m1/dossiers/" + dossier).then().statusCode(401)
                .contentType("application/problem+json");
        client.anonymous().body(listing("Anon")).post("/api/v1/apps").then().statusCode(401);
        client.anonymous().get("/api/v1/m2/dossiers").then().statusCode(401);
        client.anonymous().get("/api/v1/m3/dossiers").then().statusCode(401);
    }

    @Test
    @Order(5)
    void authoritySystemsDecideWithClientCredentials() {
        String name = "Systems" + UUID.randomUUID().toString().substring(0, 8);
        UUID other = steps.registerApp("bob", listing(name), null);
        UUID m1 = steps.submitM1("bob", other, "IIb", LocalDate.now().plusYears(2));
        steps.decideM1(client.asSystem("famhp-system"), m1, "APPROVED", null);
        long approved = System.nanoTime();
        awaitCatalogLevel(other, name, "M1", Duration.ofMillis(5));
        System.out.printf("E2E: approval response → level visible in the catalog: %.0f ms (warm platform)%n",
                (System.nanoTime() - approved) / 1e6);

        ClimbSteps.M2Dossier m2 = steps.submitM2("bob", other, ClimbSteps.riskAssessment(false));
        for (String criterion : m2.requiredCriteria()) {
            steps.recordTestResult(client.asSystem("test-centre-system"), m2.id(), criterion, "PASS");
        }
        steps.decideM2(client.asSystem("ehealth-system"), m2.id(), "APPROVED", null);
        awaitCatalogLevel(other, name, "M2", Duration.ofMillis(100));

        UUID m3 = steps.submitM3("bob", other);
        steps.decideM3(client.asSystem("nihdi-system"), m3, Map.of("outcome", "ADMISSIBLE"));
        steps.decideM3(client.asSystem("nihdi-system"), m3, ClimbSteps.approvedDefinitive("789013"));
        awaitCatalogLevel(other, name, "M3", Duration.ofMillis(100));

        String decidedBy = client.as("bob").get("/api/v1/m1/dossiers/" + m1 + "/history").then().statusCode(200)
                .extract().jsonPath().getString("items.find { it.to == 'APPROVED' }.actor");
        assertThat(decidedBy).contains("famhp-system");
    }

    @Test
    @Order(6)
    void aKilledServiceLosesNoDecision() {
        String name = "Crash" + UUID.randomUUID().toString().substring(0, 8);
        UUID crashApp = steps.registerApp("alice", listing(name), null);
        UUID dossier = steps.submitM1("alice", crashApp, "IIa", LocalDate.now().plusYears(2));

        platform.kill("registry-service");
        steps.decideM1(client.as("fiona"), dossier, "APPROVED", null);
        platform.restartMissing();

        awaitCatalogLevel(crashApp, name, "M1", Duration.ofMillis(200));
        List<String> levels = client.anonymous().get("/api/v1/apps/" + crashApp + "/history").then().statusCode(200)
                .extract().jsonPath().getList("items.toLevel");
        assertThat(levels).containsExactly("M1");
    }

    @Test
    @Order(7)
    void theDemoDataShowsEveryLevelAndASecondRunDuplicatesNothing() throws IOException {
        DemoData demo = new DemoData(client);
        List<DemoData.DemoApp> apps = DemoData.apps();
        Map<String, UUID> ids = new HashMap<>();
        for (DemoData.DemoApp demoApp : apps) {
            ids.put(demoApp.slug(), demo.load(demoApp));
        }
        for (DemoData.DemoApp demoApp : apps) {
            awaitCatalogLevel(ids.get(demoApp.slug()), demoApp.name().get("en"), DemoData.catalogLevel(demoApp),
                    Duration.ofMillis(100));
        }
        assertThat(apps).extracting(DemoData::catalogLevel).contains(null, "M1", "M2", "M3");

        // Listed in each portal language.
        DemoData.DemoApp listed = apps.stream().filter(a -> "M3".equals(DemoData.catalogLevel(a))).findFirst()
                .orElseThrow();
        for (String lang : List.of("nl", "fr", "en")) {
            client.anonymous().queryParam("lang", lang).queryParam("q", listed.name().get(lang))
                    .get("/api/v1/catalog").then().statusCode(200)
                    .body("items.find { it.id == '" + ids.get(listed.slug()) + "' }.name",
                            equalTo(listed.name().get(lang)));
        }

        // The app whose certificate expired: out of the catalog; its vendor sees who ended M1 and why.
        DemoData.DemoApp expired = apps.stream().filter(a -> a.target().equals("M1_EXPIRED")).findFirst()
                .orElseThrow();
        UUID expiredId = ids.get(expired.slug());
        JsonPath m1 = client.as(expired.vendor()).queryParam("appId", expiredId).get("/api/v1/m1/dossiers")
                .then().statusCode(200).extract().jsonPath();
        assertThat(m1.getList("items.state")).containsExactly("EXPIRED");
        assertThat(LocalDate.parse(m1.getString("items[0].certificateExpiredOn"))).isBefore(LocalDate.now());
        JsonPath lapse = client.as(expired.vendor()).get("/api/v1/apps/" + expiredId + "/history").then()
                .statusCode(200).extract().jsonPath();
        assertThat(lapse.getList("items.toLevel")).containsExactly("M1", null);
        assertThat(lapse.getString("items[1].actor")).isEqualTo("fiona");
        assertThat(lapse.getString("items[1].reason")).startsWith("M1 certificate expired on ")
                .contains("Notified body 2797");
        // Its public record stays: out of the catalog since today, because the certificate expired; FAMHP decided.
        client.anonymous().get("/api/v1/apps/" + expiredId).then().statusCode(200)
                .body("listed", equalTo(false)).body("delistingReason", equalTo("CERTIFICATE_EXPIRED"))
                .body("delistedOn", equalTo(LocalDate.now(ZoneId.of("Europe/Brussels")).toString()));
        assertThat(client.anonymous().get("/api/v1/apps/" + expiredId + "/history").then().statusCode(200)
                .extract().jsonPath().getString("items[1].actor")).isEqualTo("FAMHP");

        // The app its vendor took off the market: delisted with the public reason, listed again for no decision.
        DemoData.DemoApp withdrawn = apps.stream().filter(a -> a.target().equals("WITHDRAWN")).findFirst()
                .orElseThrow();
        UUID withdrawnId = ids.get(withdrawn.slug());
        client.anonymous().get("/api/v1/apps/" + withdrawnId).then().statusCode(200)
                .body("listed", equalTo(false)).body("delistingReason", equalTo("WITHDRAWN_BY_VENDOR"))
                .body("marketWithdrawal.reasonCategory", equalTo("REPLACED_BY_SUCCESSOR"))
                .body("marketWithdrawal.reason", nullValue());
        client.anonymous().queryParam("include", "delisted").queryParam("q", withdrawn.name().get("en"))
                .get("/api/v1/catalog").then().statusCode(200)
                .body("items.find { it.id == '" + withdrawnId + "' }.listed", equalTo(false));

        // A declared version shows on the public app page, its notes in the language asked for.
        UUID versioned = ids.get(DemoData.VERSIONED);
        client.anonymous().queryParam("lang", "fr").get("/api/v1/apps/" + versioned).then().statusCode(200)
                .body("currentVersion.version", equalTo("3.2.0"))
                .body("currentVersion.releaseNotes", equalTo("Version 3.2.0 : plus rapide et plus claire."));
        client.anonymous().get("/api/v1/apps/" + versioned + "/versions").then().statusCode(200)
                .body("items.version", contains("3.2.0")).body("items[0].declaredBy", equalTo("medisoft"));

        // No anonymous response names a person, although people decided everything above.
        Pattern names = Pattern.compile("\\b(fiona|eric|nina|tess|alice|bob|ada|chloe|dirk)\\b");
        for (String path : List.of("/api/v1/stats", "/api/v1/catalog?include=delisted&size=100",
                "/api/v1/apps/" + expiredId, "/api/v1/apps/" + expiredId + "/history",
                "/api/v1/apps/" + withdrawnId, "/api/v1/apps/" + withdrawnId + "/history",
                "/api/v1/apps/" + versioned, "/api/v1/apps/" + versioned + "/history",
                "/api/v1/apps/" + versioned + "/versions")) {
            String body = client.anonymous().get(path).then().statusCode(200).extract().asString();
            assertThat(names.matcher(body).results().map(r -> r.group()).toList()).as("names in %s", path).isEmpty();
        }

        // The one awaiting NIHDI's decision.
        DemoData.DemoApp pending = apps.stream().filter(a -> a.target().equals("M3_PENDING")).findFirst()
                .orElseThrow();
        client.as(pending.vendor()).queryParam("appId", ids.get(pending.slug())).get("/api/v1/m3/dossiers")
                .then().statusCode(200).body("items.state", contains("IN_EVALUATION"));

        // A second run: the same apps, no new dossier, the same figures.
        String stats = client.anonymous().get("/api/v1/stats").then().statusCode(200).extract().asString();
        Map<String, Integer> dossiers = demoDossierCounts(apps, ids);
        for (DemoData.DemoApp demoApp : apps) {
            assertThat(demo.load(demoApp)).isEqualTo(ids.get(demoApp.slug()));
        }
        assertThat(demoDossierCounts(apps, ids)).isEqualTo(dossiers);
        assertThat(client.anonymous().get("/api/v1/stats").then().statusCode(200).extract().asString())
                .isEqualTo(stats);
    }

    // ---- helpers ----

    /** Per demo app and level, how many dossiers its vendor has. */
    static Map<String, Integer> demoDossierCounts(List<DemoData.DemoApp> apps, Map<String, UUID> ids) {
        Map<String, Integer> counts = new HashMap<>();
        for (DemoData.DemoApp demoApp : apps) {
            for (String level : List.of("m1", "m2", "m3")) {
                counts.put(demoApp.slug() + "/" + level, client.as(demoApp.vendor())
                        .queryParam("appId", ids.get(demoApp.slug())).get("/api/v1/" + level + "/dossiers")
                        .then().statusCode(200).extract().jsonPath().getInt("total"));
            }
        }
        return counts;
    }

    static Map<String, Object> listing(String name) {
        return ClimbSteps.appListing(Map.of("nl", name, "fr", name, "en", name),
                Map.of("nl", "Een app voor de eindtest.", "fr", "Une app pour le test final.",
                        "en", "An app for the end-to-end test."),
                "CARDIOLOGY", List.of("IOS", "ANDROID"), List.of("PATIENT"), name.toLowerCase());
    }

    /** The app's level as the public catalog shows it; null when it is not listed. */
    static String catalogLevel(UUID appId, String name) {
        JsonPath page = client.anonymous().queryParam("q", name).queryParam("size", 100)
                .get("/api/v1/catalog").then().statusCode(200).extract().jsonPath();
        return page.getString("items.find { it.id == '" + appId + "' }.level");
    }

    static void awaitCatalogLevel(UUID appId, String name, String level, Duration poll) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(poll)
                .untilAsserted(() -> assertThat(catalogLevel(appId, name)).isEqualTo(level));
    }
}
