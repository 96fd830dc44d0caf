package be.mhealth.pyramid.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(UpstreamServers.class)
class ProtectionTest {

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void writesOverBudgetGet429WithRetryAfterWhileReadsHaveTheirOwnBudget() {
        String token = "Bearer " + Tokens.valid("writer-" + UUID.randomUUID());
        for (int i = 0; i < 30; i++) {
            given().header("Authorization", token).body("{}").contentType("application/json")
                    .post("/api/v1/m1/dossiers").then().statusCode(200);
        }
        Response limited = given().header("Authorization", token).body("{}").contentType("application/json")
                .post("/api/v1/m1/dossiers");
        limited.then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("https://pyramid.mhealth.be/problems/too-many-requests"));
        // 30 writes per hour in the test profile: the next one is due in 120 s.
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(100L, 120L);
        given().header("Authorization", token).get("/api/v1/m1/dossiers").then().statusCode(200);
        // Another caller is not affected.
        given().header("Authorization", "Bearer " + Tokens.valid("other-" + UUID.randomUUID())).body("{}")
                .contentType("application/json").post("/api/v1/m1/dossiers").then().statusCode(200);
    }

    @Test
    void readsOverBudgetGet429() {
        String token = "Bearer " + Tokens.valid("reader-" + UUID.randomUUID());
        int status = 200;
        int served = 0;
        while (status == 200 && served <= 305) {
            status = given().header("Authorization", token).get("/api/v1/m3/dossiers").statusCode();
            if (status == 200) {
                served++;
            }
        }
        // 300 per hour in the test profile: the budget refills by one every 12 s while the loop runs.
        assertThat(served).isBetween(300, 305);
        assertThat(status).isEqualTo(429);
    }

    @Test
    void declaredBodyOverTheCapIs413BeforeAnythingIsRead() throws IOException {
        String response = exchange(socket -> socket.getOutputStream().write(("POST /api/v1/m1/dossiers/big HTTP/1.1\r\n"
                + "Host: localhost\r\nContent-Type: application/octet-stream\r\nContent-Length: 30000000\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII)));
        assertThat(response).startsWith("HTTP/1.1 413").contains("application/problem+json")
                .contains("https://pyramid.mhealth.be/problems/payload-too-large");
        assertThat(Upstream.hits("m1", "/api/v1/m1/dossiers/big")).isZero();
    }

    @Test
    void streamedBodyOverTheCapIs413() throws IOException {
        String token = Tokens.valid("uploader-" + UUID.randomUUID());
        String response = exchange(socket -> {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/m1/dossiers/chunked HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + token + "\r\n"
                    + "Content-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            String size = Integer.toHexString(chunk.length) + "\r\n";
            for (int sent = 0; sent < 23 * 1024 * 1024; sent += chunk.length) {
                out.write(size.getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        });
        assertThat(response).startsWith("HTTP/1.1 413").contains("payload-too-large");
    }

    @Test
    void slowUpstreamIs504() {
        long start = System.nanoTime();
        given().header("Authorization", "Bearer " + Tokens.valid("patient-" + UUID.randomUUID()))
                .get("/api/v1/m2/reports/slow?ms=4000")
                .then().statusCode(504).contentType("application/problem+json")
                .body("type", equalTo("https://pyramid.mhealth.be/problems/upstream-timeout"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3500));
    }

    @Test
    void failingUpstreamOpensTheCircuitWhichAnswers503FastAndRecovers() {
        String token = "Bearer " + Tokens.valid("breaker-" + UUID.randomUUID());
        String path = "/api/v1/flaky/items";
        Upstream.failing("flaky", true);
        try {
            for (int i = 0; i < 3; i++) {
                given().header("Authorization", token).get(path).then().statusCode(503);
            }
            int reached = Upstream.hits("flaky", path);
            assertThat(reached).isEqualTo(3);
            given().header("Authorization", token).get(path).then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "2")
                    .body("type", equalTo("https://pyramid.mhealth.be/problems/upstream-unavailable"))
                    .time(lessThan(1000L));
            assertThat(Upstream.hits("flaky", path)).isEqualTo(reached);
        } finally {
            Upstream.failing("flaky", false);
        }
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> given().header("Authorization", token).get(path).statusCode() == 200);
        given().header("Authorization", token).get(path).then().statusCode(200).body("service", equalTo("flaky"));
    }

    @Test
    void clientsHangingUpDoNotOpenTheCircuit() throws IOException {
        String token = Tokens.valid("impatient-" + UUID.randomUUID());
        String path = "/api/v1/flaky/hang-up/slow";
        for (int i = 0; i < 5; i++) {
            try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
                socket.getOutputStream().write(("GET " + path + "?ms=300 HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                int expected = i + 1;
                await().atMost(Duration.ofSeconds(5)).until(() -> Upstream.hits("flaky", path) == expected);
            }
        }
        given().header("Authorization", "Bearer " + token).get("/api/v1/flaky/after-hang-ups").then().statusCode(200)
                .body("service", equalTo("flaky"));
    }

    @Test
    void bodylessIdempotentRequestIsSentAgainWhenTheUpstreamHangsUpBeforeAnswering() {
        String token = "Bearer " + Tokens.valid("retry-" + UUID.randomUUID());
        String path = "/api/v1/flaky/close-once";
        given().header("Authorization", token).get(path).then().statusCode(200).body("service", equalTo("flaky"));
        assertThat(Upstream.hits("flaky", path)).isEqualTo(2);
        // A write is not repeated: the client learns that the upstream failed.
        String post = "/api/v1/m1/writes/close-once";
        given().header("Authorization", token).contentType("application/json").body("{}").post(post).then()
                .statusCode(502).contentType("application/problem+json");
        assertThat(Upstream.hits("m1", post)).isEqualTo(1);
    }

    private interface Conversation {
        void send(Socket socket) throws IOException;
    }

    /** Talks raw HTTP/1.1 to the gateway and returns what it answered. */
    private String exchange(Conversation conversation) throws IOException {
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(10_000);
            conversation.send(socket);
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) > 0) {
                received.write(buffer, 0, read);
                String text = received.toString(StandardCharsets.UTF_8);
                if (text.contains("\r\n\r\n") && text.trim().endsWith("}")) {
                    break;
                }
            }
            return received.toString(StandardCharsets.UTF_8);
        }
    }
}
