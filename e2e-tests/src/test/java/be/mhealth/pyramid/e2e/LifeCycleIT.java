package be.mhealth.pyramid.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.path.json.JsonPath;

/**
 * After the first grant (issue 15), through the gateway on the real platform: an app at M3 renews its CE
 * certificate while a poller reads the public catalog throughout and never sees it below M3; FAMHP extends the
 * renewed certificate; a version with a significant change reaches FAMHP's queue; the vendor takes the app off the
 * market, everyone can read its public record, and M1 closes its grant.
 */
@ExtendWith(SharedPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LifeCycleIT {

    static PyramidClient client;
    static ClimbSteps steps;
    static UUID app;
    static String name;
    static UUID firstGrant;
    static UUID renewal;
    static LocalDate renewedUntil;

    @BeforeAll
    static void connect() {
        Platform platform = SharedPlatform.platform();
        client = new PyramidClient(platform.gatewayUrl(), platform.realmUrl());
        steps = new ClimbSteps(client);
    }

    @Test
    @Order(1)
    void anAppAtM3RenewsItsCertificateWithoutEverLeavingM3() throws InterruptedException {
        name = "Renewer" + UUID.randomUUID().toString().substring(0, 8);
        app = steps.registerApp("alice", PyramidClimbIT.listing(name), null);
        firstGrant = steps.submitM1("alice", app, "IIa", LocalDate.now().plusDays(45));
        steps.decideM1(client.as("fiona"), firstGrant, "APPROVED", null);
        awaitCatalogLevel(app, name, "M1", Duration.ofMillis(100));
        ClimbSteps.M2Dossier m2 = steps.submitM2("alice", app, ClimbSteps.riskAssessment(false));
        for (String criterion : m2.requiredCriteria()) {
            steps.recordTestResult(client.as("tess"), m2.id(), criterion, "PASS");
        }
        steps.decideM2(client.as("eric"), m2.id(), "APPROVED", null);
        awaitCatalogLevel(app, name, "M2", Duration.ofMillis(100));
        UUID m3 = steps.submitM3("alice", app);
        steps.decideM3(client.as("nina"), m3, Map.of("outcome", "ADMISSIBLE"));
        steps.decideM3(client.as("nina"), m3, ClimbSteps.approvedDefinitive("790123"));
        awaitCatalogLevel(app, name, "M3", Duration.ofMillis(100));

        List<String> seen = new CopyOnWriteArrayList<>();
        AtomicBoolean polling = new AtomicBoolean(true);
        Thread poller = Thread.ofPlatform().name("catalog-poller").start(() -> {
            while (polling.get()) {
                seen.add(String.valueOf(catalogLevel(app, name)));
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        try {
            // The same POST as a first dossier: the service sees the active grant and marks the renewal.
            renewedUntil = LocalDate.now().plusYears(4);
            renewal = steps.submitM1("alice", app, "IIa", renewedUntil);
            client.as("alice").get("/api/v1/m1/dossiers/" + renewal).then().statusCode(200)
                    .body("renewalOf", equalTo(firstGrant.toString()));
            steps.decideM1(client.as("fiona"), renewal, "APPROVED", null);
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> assertThat(client.anonymous().get("/api/v1/apps/" + app).then()
                            .statusCode(200).extract().jsonPath().getString("facts.m1.certificateExpiresOn"))
                            .isEqualTo(renewedUntil.toString()));
            Thread.sleep(500);
        } finally {
            polling.set(false);
            poller.join();
        }
        assertThat(seen).as("catalog reads during the renewal").hasSizeGreaterThan(10).containsOnly("M3");
        client.as("fiona").get("/api/v1/m1/dossiers/" + firstGrant).then().statusCode(200)
                .body("state", equalTo("RENEWED"));
        List<String> levels = client.anonymous().get("/api/v1/apps/" + app + "/history").then().statusCode(200)
                .extract().jsonPath().getList("items.toLevel");
        assertThat(levels).as("no fall and no climb back").containsExactly("M1", "M2", "M3");
    }

    @Test
    @Order(2)
    void famhpExtendsTheRenewedCertificate() {
        LocalDate extended = renewedUntil.plusMonths(6);
        client.as("fiona").body(Map.of("expiresOn", extended.toString(), "legalBasis", "Regulation (EU) 2023/607",
                "reason", "the notified body confirmed the conditions"))
                .post("/api/v1/m1/dossiers/" + renewal + "/certificate-extension").then().statusCode(200)
                .body("extension.previousExpiresOn", equalTo(renewedUntil.toString()));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(client.anonymous().get("/api/v1/apps/" + app).then().statusCode(200)
                        .extract().jsonPath().getString("facts.m1.certificateExpiresOn"))
                        .isEqualTo(extended.toString()));
    }

    @Test
    @Order(3)
    void aSignificantChangeReachesFamhpsQueueWithADueDateAndFamhpConfirms() {
        steps.declareVersion("alice", app, "2.0.0", List.of("INTENDED_PURPOSE"), null);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(client.as("fiona").queryParam("size", 100)
                        .get("/api/v1/m1/review-queue").then().statusCode(200).extract().jsonPath()
                        .getString("items.find { it.dossierId == '" + renewal + "' }.dueDate")).isNotBlank());
        client.as("fiona").get("/api/v1/m1/dossiers/" + renewal).then().statusCode(200)
                .body("state", equalTo("APPROVED"))
                .body("reassessment.version", equalTo("2.0.0"));
        assertThat(catalogLevel(app, name)).as("nothing falls automatically").isEqualTo("M3");
        client.as("fiona").body(Map.of("reason", "the new intended purpose stays within class IIa"))
                .post("/api/v1/m1/dossiers/" + renewal + "/confirmation").then().statusCode(200);
    }

    @Test
    @Order(4)
    void theVendorWithdrawsTheAppAndItsPublicRecordStays() {
        steps.withdrawFromMarket("alice", app, "DISCONTINUED", "we stop offering this app", null);
        awaitCatalogLevel(app, name, null, Duration.ofMillis(100));
        JsonPath record = client.anonymous().get("/api/v1/apps/" + app).then().statusCode(200).extract().jsonPath();
        assertThat(record.getBoolean("listed")).isFalse();
        assertThat(record.getString("delistedOn")).isNotBlank();
        assertThat(record.getString("delistingReason")).isEqualTo("WITHDRAWN_BY_VENDOR");
        assertThat(record.getString("marketWithdrawal.reason")).as("the vendor's own words stay private").isNull();
        JsonPath delisted = client.anonymous().queryParam("include", "delisted").queryParam("q", name)
                .get("/api/v1/catalog").then().statusCode(200).extract().jsonPath();
        assertThat(delisted.getString("items.find { it.id == '" + app + "' }.listed")).isEqualTo("false");
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> client.as("alice").get("/api/v1/m1/dossiers/" + renewal).then()
                        .body("state", equalTo("CLOSED")));
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
