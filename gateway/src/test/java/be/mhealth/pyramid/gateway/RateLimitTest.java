package be.mhealth.pyramid.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.gateway.service.BudgetStore;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;

/**
 * Budgets that hold behind an ingress and across replicas: client addresses from trusted proxies only, budgets in
 * the shared Redis, a local share while Redis does not answer, a trusted portal's own budget, and the cap on a
 * caller's requests in progress. Test profile: 300 reads and 30 writes per hour, 8 in flight, 4 replicas.
 */
@QuarkusTest
@WithTestResource(UpstreamServers.class)
class RateLimitTest {

    private static final String CATALOG = "/api/v1/catalog";

    @TestHTTPResource("/")
    URL gateway;

    @TestHTTPResource(value = "/", management = true)
    URL managementUrl;

    @Inject
    Redis redis;

    @Inject
    Vertx vertx;

    /** The management interface's root (the resource URL carries its /q root path). */
    private String management() {
        return managementUrl.getProtocol() + "://" + managementUrl.getHost() + ":" + managementUrl.getPort() + "/";
    }

    @Test
    void theClientAddressComesFromXForwardedForOnlyWhenTheDirectPeerIsATrustedProxy() throws IOException {
        String client = "203.0.113." + (1 + (int) (Math.random() * 200));
        // Through the trusted proxy (127.0.0.1), the forwarded address is the caller: its budget runs out...
        List<Integer> statuses = RawHttp.gets(gateway, "127.0.0.1", CATALOG, "X-Forwarded-For: " + client + "\r\n",
                301);
        assertThat(statuses.subList(0, 300)).containsOnly(200);
        assertThat(statuses.get(300)).isEqualTo(429);
        // ...while another client behind the same proxy has its own.
        assertThat(RawHttp.gets(gateway, "127.0.0.1", CATALOG, "X-Forwarded-For: 198.51.100.9\r\n", 1))
                .containsOnly(200);
        // A peer that is not a trusted proxy (127.0.0.2) cannot borrow or escape a budget with the header: it is
        // counted as itself, whatever address it claims.
        assertThat(RawHttp.gets(gateway, "127.0.0.2", CATALOG, "X-Forwarded-For: " + client + "\r\n", 1))
                .containsOnly(200);
        List<Integer> spoofing = new ArrayList<>();
        for (int i = 0; i < 301; i++) {
            spoofing.addAll(RawHttp.gets(gateway, "127.0.0.2", CATALOG,
                    "X-Forwarded-For: 192.0.2." + (i % 250) + "\r\n", 1));
        }
        assertThat(spoofing.subList(0, 299)).containsOnly(200);
        assertThat(spoofing.get(300)).isEqualTo(429);
    }

    @Test
    void budgetsAreSharedWithTheOtherReplicasThroughTheStore() throws Exception {
        String subject = "shared-" + UUID.randomUUID();
        String token = "Bearer " + Tokens.valid(subject);
        // Another replica has spent 295 of this caller's 300 reads.
        BudgetStore otherReplica = new BudgetStore(redis, vertx, Duration.ofSeconds(2), "pyramid:rate:");
        BudgetStore.Lease lease = otherReplica.take("read:sub:" + subject, 300, Duration.ofHours(1), 295)
                .toCompletionStage().toCompletableFuture().get();
        assertThat(lease.granted()).isEqualTo(295);

        int served = 0;
        int status = 200;
        while (status == 200 && served <= 10) {
            status = given().header("Authorization", token).get("/api/v1/m3/dossiers").statusCode();
            if (status == 200) {
                served++;
            }
        }
        assertThat(served).isEqualTo(5);
        assertThat(status).isEqualTo(429);
    }

    @Test
    void whenTheStoreDoesNotAnswerEachReplicaGrantsItsShareAndSaysSo() throws Exception {
        String token = "Bearer " + Tokens.valid("offline-" + UUID.randomUUID());
        redisCommand("CLIENT", "PAUSE", "7000", "ALL");
        long pausedAt = System.nanoTime();
        int served = 0;
        int status = 200;
        while (status == 200 && served <= 100) {
            status = given().header("Authorization", token).get("/api/v1/m3/dossiers").statusCode();
            if (status == 200) {
                served++;
            }
        }
        assertThat(Duration.ofNanos(System.nanoTime() - pausedAt)).as("still within the pause")
                .isLessThan(Duration.ofMillis(6500));
        // 300 reads per hour shared by 4 replicas: 75 here.
        assertThat(served).isEqualTo(75);
        assertThat(status).isEqualTo(429);
        given().get(management() + "q/metrics").then().statusCode(200)
                .body(containsString("pyramid_gateway_rate_limit_store_up 0.0"))
                .body(containsString("pyramid_gateway_rate_limit_fallback_total"));

        // Once the store answers again, budgets are shared again.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            given().header("Authorization", "Bearer " + Tokens.valid("probe-" + UUID.randomUUID()))
                    .get("/api/v1/m3/dossiers").then().statusCode(200);
            given().get(management() + "q/metrics").then()
                    .body(containsString("pyramid_gateway_rate_limit_store_up 1.0"));
        });
    }

    @Test
    void theTrustedPortalHasABudgetOfItsOwn() {
        String user = "Bearer " + Tokens.valid("vendor-" + UUID.randomUUID());
        String portal = "Bearer " + Tokens.ofClient("service-account-pyramid-portal", "pyramid-portal");
        for (int i = 0; i < 30; i++) {
            given().header("Authorization", user).contentType("application/json").body("{}")
                    .post("/api/v1/m1/dossiers").then().statusCode(200);
        }
        given().header("Authorization", user).contentType("application/json").body("{}")
                .post("/api/v1/m1/dossiers").then().statusCode(429);
        // 100 writes per hour for the portal in the test profile, whoever signed in through it.
        for (int i = 0; i < 40; i++) {
            String token = i % 2 == 0 ? portal
                    : "Bearer " + Tokens.ofClient("user-" + UUID.randomUUID(), "pyramid-portal");
            given().header("Authorization", token).contentType("application/json").body("{}")
                    .post("/api/v1/m1/dossiers").then().statusCode(200);
        }
        // A token from another client counts as its subject, with the default budget.
        given().header("Authorization", "Bearer " + Tokens.ofClient("someone", "pyramid-cli"))
                .get("/api/v1/m1/dossiers").then().statusCode(200);
    }

    @Test
    void aCallerWithTooManyRequestsInProgressGets429() throws Exception {
        String token = "Bearer " + Tokens.valid("greedy-" + UUID.randomUUID());
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
        String path = "/api/v1/m3/reports/in-flight/slow?ms=1500";
        for (int i = 0; i < 8; i++) {
            slow.add(client.sendAsync(HttpRequest.newBuilder(URI.create(gateway + path.substring(1)))
                    .header("Authorization", token).build(), HttpResponse.BodyHandlers.ofString()));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> Upstream.hits("m3", "/api/v1/m3/reports/in-flight/slow") == 8);
        given().header("Authorization", token).get("/api/v1/m3/dossiers").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", "1")
                .body("type", equalTo("https://pyramid.mhealth.be/problems/too-many-requests"))
                .body("detail", containsString("in progress"));
        // Others are not affected, and the caller may go on once its requests are done.
        given().header("Authorization", "Bearer " + Tokens.valid("patient-" + UUID.randomUUID()))
                .get("/api/v1/m2/dossiers").then().statusCode(200);
        for (CompletableFuture<HttpResponse<String>> response : slow) {
            assertThat(response.get().statusCode()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> given().header("Authorization", token)
                .get("/api/v1/m2/dossiers").then().statusCode(200));
    }

    /** Sends one command to the test Redis directly. */
    private static void redisCommand(String... words) throws IOException {
        URI uri = URI.create(ConfigProvider.getConfig().getValue("quarkus.redis.hosts", String.class));
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            StringBuilder command = new StringBuilder("*" + words.length + "\r\n");
            for (String word : words) {
                command.append('$').append(word.length()).append("\r\n").append(word).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(command.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] answer = new byte[5];
            assertThat(socket.getInputStream().read(answer)).isPositive();
            assertThat(new String(answer, StandardCharsets.US_ASCII)).startsWith("+OK");
        }
    }
}
