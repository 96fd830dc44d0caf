package be.mhealth.pyramid.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.sun.net.httpserver.HttpServer;

import io.restassured.path.json.JsonPath;

/**
 * A vendor's webhooks on the real platform: alice registers a receiver on this machine (127.0.0.1, which
 * {@code ./pyramid up} allow-lists for local development) through the gateway with a real token, climbs M1 → M3, and
 * the receiver gets every event of the climb signed as Standard Webhooks say (checked here with an implementation of
 * its own), in order, including a retry with the same {@code webhook-id} after it answered 500 once.
 */
@Order(3)
@ExtendWith(SharedPlatform.class)
class WebhooksIT {

    /** One request as the receiver got it. */
    record Received(String id, String timestamp, String signature, String body, int answered) {
        JsonPath json() {
            return new JsonPath(body);
        }

        String type() {
            return json().getString("type");
        }
    }

    static PyramidClient client;
    static ClimbSteps steps;
    static HttpServer receiver;
    static final List<Received> received = new CopyOnWriteArrayList<>();
    static final AtomicBoolean failedOnce = new AtomicBoolean();
    /** The app's name, known before it is registered: its first delivery is the one that fails once. */
    static final String NAME = "Hooked" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void start() throws IOException {
        Platform platform = SharedPlatform.platform();
        client = new PyramidClient(platform.gatewayUrl(), platform.realmUrl());
        steps = new ClimbSteps(client);
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.createContext("/hooks/alice", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                // The very first delivery fails once: it must come again, with the same webhook-id, before any other.
                int status = body.contains(NAME) && failedOnce.compareAndSet(false, true) ? 500 : 204;
                received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                        exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"), body, status));
                exchange.sendResponseHeaders(status, -1);
            } finally {
                exchange.close();
            }
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
    }

    @Test
    void aVendorReceivesItsClimbSignedAndInOrderIncludingARetry() {
        List<String> types = client.as("alice").get("/api/v1/webhooks/event-types").then().statusCode(200)
                .extract().jsonPath().getList("items.type");
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/alice";
        JsonPath subscription = client.as("alice").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("url", url, "events", types, "description", "end-to-end receiver"))
                .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath();
        String id = subscription.getString("id");
        String secret = subscription.getString("secret");
        assertThat(secret).startsWith("whsec_");
        client.as("bob").get("/api/v1/webhooks/" + id).then().statusCode(404);
        client.anonymous().get("/api/v1/webhooks").then().statusCode(401);

        try {
            UUID app = steps.registerApp("alice", PyramidClimbIT.listing(NAME), null);
            UUID m1 = steps.submitM1("alice", app, "IIa", LocalDate.now().plusYears(3));
            steps.decideM1(client.as("fiona"), m1, "APPROVED", null);
            awaitLevel(app, "M1");
            ClimbSteps.M2Dossier m2 = steps.submitM2("alice", app, ClimbSteps.riskAssessment(true));
            for (String criterion : m2.requiredCriteria()) {
                steps.recordTestResult(client.as("tess"), m2.id(), criterion, "PASS");
            }
            steps.decideM2(client.as("eric"), m2.id(), "APPROVED", null);
            awaitLevel(app, "M2");
            UUID m3 = steps.submitM3("alice", app);
            steps.decideM3(client.as("nina"), m3, Map.of("outcome", "ADMISSIBLE"));
            steps.decideM3(client.as("nina"), m3, ClimbSteps.approvedTemporary("789014"));

            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> about(app).stream().anyMatch(r -> r.answered() == 204 && "M3".equals(
                            r.json().getString("data.effectiveLevel"))));
            List<Received> requests = about(app);
            requests.forEach(r -> assertThat(r.signature()).as(r.type())
                    .isEqualTo(sign(secret, r.id(), r.timestamp(), r.body())));

            // the first delivery answered 500 and came again, with the same id, before anything else of the app
            assertThat(requests.get(0).answered()).isEqualTo(500);
            assertThat(requests.get(0).type()).isEqualTo("registry.app.registered");
            assertThat(requests.get(1).id()).isEqualTo(requests.get(0).id());
            assertThat(requests.get(1).answered()).isEqualTo(204);

            Map<String, Received> delivered = new LinkedHashMap<>();
            requests.stream().filter(r -> r.answered() == 204).forEach(r -> delivered.putIfAbsent(r.id(), r));
            List<String> order = delivered.values().stream().map(Received::type).toList();
            assertThat(order).containsSubsequence("registry.app.registered", "m1.granted", "m2.granted",
                    "m3.granted");
            assertThat(delivered.values().stream().filter(r -> r.type().equals("registry.app.level-changed"))
                    .map(r -> r.json().getString("data.effectiveLevel")).toList()).containsExactly("M1", "M2", "M3");
            assertThat(delivered.values()).filteredOn(r -> r.type().endsWith(".granted"))
                    .allSatisfy(r -> assertThat(r.json().getString("data.decidedBy")).isIn("FAMHP", "EHEALTH",
                            "NIHDI"));
            assertThat(requests).as("no person's name").noneMatch(r -> List.of("alice", "fiona", "tess", "eric",
                    "nina").stream().anyMatch(r.body()::contains));
            List<Received> stateChanges = delivered.values().stream()
                    .filter(r -> r.type().endsWith(".dossier-state-changed")).toList();
            // M1 publishes every transition (the level-service template); M2 and M3 once they are on it.
            assertThat(stateChanges.stream().filter(r -> r.type().startsWith("m1."))
                    .map(r -> r.json().getString("data.to")).toList()).containsSubsequence("DRAFT", "SUBMITTED",
                            "APPROVED");
            assertThat(stateChanges).allSatisfy(r -> assertThat(r.json().getString("data.actedBy"))
                    .isIn("VENDOR", "AUTHORITY", "TEST_CENTRE", "SYSTEM"));
            System.out.printf("E2E: webhooks: %d deliveries of the climb (dossier state changes: %s), one retried "
                    + "after a 500%n", delivered.size(), stateChanges.stream().collect(java.util.stream.Collectors
                            .groupingBy(Received::type, java.util.TreeMap::new, java.util.stream.Collectors.counting())));

            String log = "/api/v1/webhooks/" + id + "/deliveries";
            client.as("alice").queryParam("status", "SUCCEEDED").queryParam("size", 100).get(log).then()
                    .statusCode(200).body("items.find { it.id == '" + requests.get(0).id() + "' }.attempts",
                            equalTo(2));
        } finally {
            client.as("alice").delete("/api/v1/webhooks/" + id).then().statusCode(204);
        }
    }

    /** The requests about one app, in the order they arrived. */
    static List<Received> about(UUID app) {
        return new ArrayList<>(received.stream().filter(r -> r.body().contains(app.toString())).toList());
    }

    static void awaitLevel(UUID app, String level) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(client.as("alice").get("/api/v1/apps/" + app).then()
                        .statusCode(200).extract().jsonPath().getString("level")).isEqualTo(level));
    }

    /** Standard Webhooks: v1,base64(HMAC-SHA256(base64-decoded secret, "id.timestamp.body")). */
    static String sign(String secret, String id, String timestamp, String body) {
        assertThat(Long.parseLong(timestamp)).isBetween(Instant.now().getEpochSecond() - 600,
                Instant.now().getEpochSecond() + 60);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())),
                    "HmacSHA256"));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "." + body)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
