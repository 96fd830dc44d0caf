package bench;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * The catalog mix through the gateway at a fixed arrival rate (open model: requests start on schedule whether or
 * not earlier ones have answered). System properties: {@code gateway} (base URL), {@code paths} (a file with one
 * request path a line, sent in turn), {@code rate} (requests per second), {@code seconds} (at that rate, after a
 * 10 s ramp), {@code token} (a bearer token for every request, e.g. the trusted portal's; empty: anonymous).
 */
public class CatalogMixSimulation extends Simulation {

    private final String gateway = System.getProperty("gateway", "http://localhost:8080");
    private final double rate = Double.parseDouble(System.getProperty("rate", "500"));
    private final int seconds = Integer.parseInt(System.getProperty("seconds", "60"));
    private final String token = System.getProperty("token", "");

    private final List<Map<String, Object>> paths = read(Path.of(System.getProperty("paths")));

    private final HttpProtocolBuilder protocol = withToken(http.baseUrl(gateway)
            .acceptHeader("application/json")
            // A portal's backend keeps a pool of keep-alive connections rather than one per request.
            .shareConnections()
            .disableCaching());

    private final ScenarioBuilder mix = scenario("catalog mix")
            .feed(listFeeder(paths).circular())
            .exec(http("#{kind}").get("#{path}").check(status().is(200)));

    {
        setUp(mix.injectOpen(rampUsersPerSec(rate / 10).to(rate).during(10), constantUsersPerSec(rate).during(seconds)))
                .protocols(protocol);
    }

    private HttpProtocolBuilder withToken(HttpProtocolBuilder builder) {
        return token.isBlank() ? builder : builder.authorizationHeader("Bearer " + token);
    }

    private static List<Map<String, Object>> read(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.isBlank())
                    .map(l -> Map.<String, Object>of("path", l, "kind", kind(l))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A short name for the report: the path's first query parameters, without the cursor's value. */
    private static String kind(String path) {
        return path.replaceAll("cursor=[^&]*", "cursor").replace("/api/v1/", "");
    }
}
