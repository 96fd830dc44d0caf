package be.mhealth.pyramid.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import be.mhealth.pyramid.e2e.DecisionBurst.App;
import be.mhealth.pyramid.e2e.DecisionBurst.Step;
import io.restassured.path.json.JsonPath;

/**
 * Every decision reaches the catalog, whatever fails: a burst of M1 decisions across many apps while the registry and
 * M1 are killed, the broker is killed and PostgreSQL restarts, one at a time; then the edge cases — a revocation with
 * a long reason, records on a decision topic that are not what the contract allows — which end rejected or parked
 * while every other app's decisions keep reaching the catalog, and an operator who repairs what was parked.
 */
@Order(3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedPlatform.class)
class FaultsIT {

    static final String[] SERVICES = { "registry", "m1", "m2", "m3" };
    static final ObjectMapper JSON = new ObjectMapper();

    static Platform platform;
    static PyramidClient client;
    static ClimbSteps steps;

    @BeforeAll
    static void connect() {
        platform = SharedPlatform.platform();
        client = new PyramidClient(platform.gatewayUrl(), platform.realmUrl());
        steps = new ClimbSteps(client);
    }

    /** A fault, and how the platform is brought back ({@code ./pyramid up} starts whatever is missing). */
    record Fault(String name, Runnable inject) {
    }

    @Test
    @Order(1)
    void aBurstOfDecisionsSurvivesCrashesOfTheRegistryM1TheBrokerAndADatabaseRestart() {
        DecisionBurst burst = new DecisionBurst(client);
        try {
            burst.register(40);
            List<App> apps = burst.apps();
            // Per app: approve, revoke, approve, revoke, approve, and for every other app revoke again.
            List<Map<App, List<Step>>> batches = List.of(
                    perApp(apps, app -> List.of(Step.APPROVE, Step.REVOKE)),
                    perApp(apps, app -> List.of(Step.APPROVE)),
                    perApp(apps, app -> List.of(Step.REVOKE)),
                    perApp(apps, app -> apps.indexOf(app) % 2 == 0 ? List.of(Step.APPROVE)
                            : List.of(Step.APPROVE, Step.REVOKE)));
            List<Fault> faults = List.of(
                    new Fault("kill -9 registry-service", () -> platform.kill("registry-service")),
                    new Fault("kill -9 m1-ce-service", () -> platform.kill("m1-ce-service")),
                    new Fault("kill -9 the Kafka broker", () -> platform.kill("kafka")),
                    new Fault("PostgreSQL restart", () -> platform.stopPart("postgres")));

            for (int i = 0; i < faults.size(); i++) {
                Fault fault = faults.get(i);
                int before = burst.decisions();
                int size = batches.get(i).values().stream().mapToInt(List::size).sum();
                CompletableFuture<Void> batch = burst.start(batches.get(i));
                Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                        .until(() -> burst.decisions() - before >= Math.max(3, size / 5) || batch.isDone());

                long faultAt = System.nanoTime();
                fault.inject().run();
                platform.restartMissing();
                long upAt = System.nanoTime();
                batch.get(10, TimeUnit.MINUTES);
                long lastAnswer = System.nanoTime();
                Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                        .ignoreExceptions().until(burst::catalogMatches);
                long converged = System.nanoTime();
                System.out.printf("E2E: %s during a burst of %d decisions: catalog converged %.1f s after the fault "
                        + "(%.1f s after ./pyramid up returned, %.1f s after the burst's last answer)%n", fault.name(),
                        size, seconds(converged - faultAt), seconds(converged - upAt), seconds(converged - lastAnswer));
            }

            assertThat(burst.decisions()).isGreaterThanOrEqualTo(200);
            burst.assertHistories();
            for (String service : SERVICES) {
                for (String status : List.of("PARKED", "HELD")) {
                    client.as("ada").queryParam("status", status).get(admin(service)).then().statusCode(200)
                            .body("total", equalTo(0));
                }
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            burst.close();
        }
    }

    @Test
    @Order(2)
    void aRevocationWithALongReasonTakesTheAppOutOfTheCatalogAndTheNextApprovalStillArrives() {
        String name = "LongReason" + UUID.randomUUID().toString().substring(0, 8);
        UUID app = steps.registerApp("alice", PyramidClimbIT.listing(name), null);
        UUID dossier = steps.submitM1("alice", app, "IIa", LocalDate.now().plusYears(2));
        steps.decideM1(client.asSystem("famhp-system"), dossier, "APPROVED", null);
        awaitCatalogLevel(app, name, "M1", Duration.ofSeconds(60));
        String otherName = "AfterLong" + UUID.randomUUID().toString().substring(0, 8);
        UUID other = steps.registerApp("bob", PyramidClimbIT.listing(otherName), null);
        UUID otherDossier = steps.submitM1("bob", other, "IIa", LocalDate.now().plusYears(2));

        client.asSystem("famhp-system").body(Map.of("reason", "x".repeat(2001)))
                .post("/api/v1/m1/dossiers/" + dossier + "/revocation").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("reason"));

        String reason = "The notified body suspended the certificate. " + "Details of the findings. ".repeat(60);
        reason = reason.substring(0, 1500);
        steps.revokeM1(client.asSystem("famhp-system"), dossier, reason);
        long revoked = System.nanoTime();
        steps.decideM1(client.asSystem("famhp-system"), otherDossier, "APPROVED", null);
        awaitCatalogLevel(app, name, null, Duration.ofSeconds(10));
        System.out.printf("E2E: a revocation with a 1,500-character reason left the catalog %.2f s after its answer%n",
                seconds(System.nanoTime() - revoked));
        awaitCatalogLevel(other, otherName, "M1", Duration.ofSeconds(10));

        JsonPath history = client.as("alice").get("/api/v1/apps/" + app + "/history").then().statusCode(200)
                .extract().jsonPath();
        assertThat(history.getString("items[1].reason")).isEqualTo("M1 revoked: " + reason);
    }

    @Test
    @Order(3)
    void recordsTheContractDoesNotAllowAreParkedAndAnOperatorRepairsThemWhileOtherAppsFlow() throws Exception {
        UUID foreign = steps.registerApp("alice", PyramidClimbIT.listing("Foreign" + UUID.randomUUID().toString()
                .substring(0, 8)), null);
        UUID malformed = steps.registerApp("alice", PyramidClimbIT.listing("Malformed" + UUID.randomUUID().toString()
                .substring(0, 8)), null);
        String name = "Flowing" + UUID.randomUUID().toString().substring(0, 8);
        UUID flowing = steps.registerApp("bob", PyramidClimbIT.listing(name), null);
        UUID flowingDossier = steps.submitM1("bob", flowing, "IIa", LocalDate.now().plusYears(2));

        // An M2 grant written onto M1's topic, and an M1 grant whose ce_time is not a time.
        write(foreign, "be.mhealth.pyramid.m2.granted.v1", Instant.now().toString(), Map.of("appId", foreign,
                "dossierId", UUID.randomUUID(), "criteriaMet", List.of("SECURITY"), "decidedBy", "intruder",
                "decidedAt", Instant.now().toString()));
        write(malformed, "be.mhealth.pyramid.m1.granted.v1", "yesterday at noon", Map.of("appId", malformed,
                "dossierId", UUID.randomUUID(), "regulation", "MDR", "deviceClass", "IIa",
                "certificateNumber", "CE-FORGED", "certificateExpiresOn", "2030-01-01", "decidedBy", "intruder",
                "decidedAt", Instant.now().toString()));
        steps.decideM1(client.asSystem("famhp-system"), flowingDossier, "APPROVED", null);
        awaitCatalogLevel(flowing, name, "M1", Duration.ofSeconds(20));

        Map<UUID, Integer> parked = new LinkedHashMap<>();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonPath page = client.as("ada").queryParam("status", "PARKED").queryParam("size", 100)
                    .get(admin("registry")).then().statusCode(200).extract().jsonPath();
            for (UUID app : List.of(foreign, malformed)) {
                Integer id = page.get("items.find { it.key == '" + app + "' }.id");
                assertThat(id).as("parked event of %s", app).isNotNull();
                parked.put(app, id);
            }
        });
        client.as("ada").get(admin("registry") + "/" + parked.get(foreign)).then().statusCode(200)
                .body("error.message", org.hamcrest.Matchers.containsString("belongs on m2.decisions.v1"));

        // Retried with nothing changed, the malformed one stays parked.
        client.as("ada").post(admin("registry") + "/" + parked.get(malformed) + "/retry").then().statusCode(409)
                .contentType("application/problem+json").body("currentState", equalTo("PARKED"));
        client.as("ada").get(admin("registry") + "/" + parked.get(malformed)).then().statusCode(200)
                .body("status", equalTo("PARKED")).body("attempts", equalTo(2));

        for (int id : parked.values()) {
            client.as("ada").body(Map.of("reason", "written to the topic by hand; not a FAMHP decision"))
                    .post(admin("registry") + "/" + id + "/discard").then().statusCode(200)
                    .body("event.status", equalTo("DISCARDED")).body("event.resolvedBy", equalTo("ada"));
        }
        assertThat(client.anonymous().get("/api/v1/apps/" + foreign).statusCode()).isEqualTo(404);
        assertThat(client.anonymous().get("/api/v1/apps/" + malformed).statusCode()).isEqualTo(404);
        client.as("ada").queryParam("status", "PARKED").get(admin("registry")).then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    @Order(4)
    void onlyPlatformAdminsReachTheOperatorsRoutes() {
        for (String service : SERVICES) {
            client.as("ada").get(admin(service)).then().statusCode(200);
            client.asSystem("platform-operations").get(admin(service)).then().statusCode(200);
            client.as("alice").get(admin(service)).then().statusCode(403).contentType("application/problem+json");
            client.as("fiona").get(admin(service)).then().statusCode(403);
            client.asSystem("famhp-system").get(admin(service)).then().statusCode(403);
            client.as("nina").post(admin(service) + "/1/retry").then().statusCode(403);
            client.anonymous().get(admin(service)).then().statusCode(401);
        }
        client.as("ada").get("/api/v1/admin/m9/parked-events").then().statusCode(404);
    }

    // ---- helpers ----

    static String admin(String service) {
        return "/api/v1/admin/" + service + "/parked-events";
    }

    static Map<App, List<Step>> perApp(List<App> apps, Function<App, List<Step>> steps) {
        Map<App, List<Step>> batch = new LinkedHashMap<>();
        apps.forEach(app -> batch.put(app, new ArrayList<>(steps.apply(app))));
        return batch;
    }

    /** Writes a record straight to {@code m1.decisions.v1}, as if M1 had (CloudEvents binary headers). */
    static void write(UUID app, String type, String time, Map<String, Object> payload) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>("m1.decisions.v1", app.toString(),
                    json(payload));
            record.headers().add("ce_specversion", bytes("1.0")).add("ce_id", bytes(UUID.randomUUID().toString()))
                    .add("ce_type", bytes(type)).add("ce_source", bytes("/m1-ce-service"))
                    .add("ce_subject", bytes(app.toString())).add("ce_time", bytes(time))
                    .add("content-type", bytes("application/json"));
            producer.send(record).get(30, TimeUnit.SECONDS);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static void awaitCatalogLevel(UUID app, String name, String level, Duration within) {
        Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(catalogLevel(app, name)).isEqualTo(level));
    }

    static String catalogLevel(UUID app, String name) {
        JsonPath page = client.anonymous().queryParam("q", name).queryParam("size", 100).get("/api/v1/catalog")
                .then().statusCode(200).extract().jsonPath();
        return page.getString("items.find { it.id == '" + app + "' }.level");
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
