package be.mhealth.pyramid.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Slow clients cannot hold the gateway or the services: 200 connections trickling request bodies (25 callers, 8
 * connections each: the in-flight cap of the test profile) get 408 after the body timeout (1.5 s in the test
 * profile), while an ordinary client's catalog reads go on being served.
 */
@QuarkusTest
@WithTestResource(UpstreamServers.class)
class SlowClientTest {

    private static final int CONNECTIONS = 200;
    private static final int CALLERS = 25;

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void tricklingBodiesAreCutOffWhileOrdinaryReadsAreServed() throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            tokens.add(Tokens.valid("trickler-" + i + "-" + UUID.randomUUID()));
        }
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                Socket socket = new Socket(gateway.getHost(), gateway.getPort());
                socket.setSoTimeout(15_000);
                sockets.add(socket);
                socket.getOutputStream().write(("POST /api/v1/apps/trickle HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + tokens.get(i % CALLERS) + "\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
                        .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            }
            long start = System.nanoTime();
            int reads = 0;
            // One byte per connection every 100 ms, and an ordinary client reading the catalog in between.
            while (System.nanoTime() - start < Duration.ofMillis(2500).toNanos()) {
                for (Socket socket : sockets) {
                    trickle(socket);
                }
                long readStart = System.nanoTime();
                given().get("/api/v1/catalog?lang=en").then().statusCode(200);
                assertThat(Duration.ofNanos(System.nanoTime() - readStart)).isLessThan(Duration.ofSeconds(1));
                reads++;
                Thread.sleep(100);
            }
            assertThat(reads).isGreaterThanOrEqualTo(10);

            int timedOut = 0;
            for (Socket socket : sockets) {
                String head = head(socket.getInputStream());
                if (head.startsWith("HTTP/1.1 408")) {
                    assertThat(head).containsIgnoringCase("connection: close")
                            .contains("application/problem+json");
                    timedOut++;
                }
            }
            assertThat(timedOut).isEqualTo(CONNECTIONS);
            assertThat(Upstream.hits("registry", "/api/v1/apps/trickle")).as("no trickled body reached an answer")
                    .isLessThanOrEqualTo(CONNECTIONS);
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        // The gateway is fine afterwards.
        given().get("/api/v1/catalog").then().statusCode(200);
    }

    private static void trickle(Socket socket) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(' ');
            out.flush();
        } catch (IOException e) {
            // Closed by the gateway after its 408: expected once the body timeout passed.
        }
    }

    private static String head(InputStream in) throws IOException {
        try {
            return RawHttp.readHead(in);
        } catch (IOException e) {
            return "closed: " + e.getMessage();
        }
    }
}
