package be.mhealth.pyramid.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * Freshness: the time from an M1 approval's response to the app showing at M1 in the public catalog, through the
 * gateway, for {@code --approvals} apps one after the other, after {@code --warmup} approvals (default 1,000) that are
 * reported apart: the services' code paths run compiled, as on a platform in use. Prints p50/p90/p99/max. Prepares
 * the apps and their submitted dossiers first (vendors alice, bob, chloe, dirk), then approves them as fiona (FAMHP).
 * Before each approval it reads the catalog (a search for the app's unique name) as a portal that shows it would
 * hold it; after the approval it polls with that answer's ETag ({@code If-None-Match}) {@code --poll-us}
 * microseconds after each answer (default 3,000), so that a poll costs the registry one tiny query until the catalog
 * changes. A poll still costs the machine a few milliseconds of CPU (probe, gateway, registry, PostgreSQL); on two
 * cores, polling every millisecond slowed the very path it measured (bench/README.md, goal 4). Between one approval
 * showing and the next it waits {@code --gap-ms} (default 250; 0 = back to back), so that each approval meets a
 * platform done with the previous one, as approvals made by people do; the warm-up approves back to back.
 * {@code --trace true} prints each approval's polls.
 *
 * <p>Run by {@code bench/freshness.sh}; needs a gateway whose budgets allow the polling (that script raises them, or
 * pass a trusted client's token with {@code --read-token}).
 */
public final class Freshness {

    private static final String[] VENDORS = { "alice", "bob", "chloe", "dirk" };

    public static void main(String[] args) throws Exception {
        String gateway = "http://localhost:8080";
        String realm = "http://localhost:8180/realms/pyramid";
        int approvals = 200;
        int warmup = 1000;
        long pollMicros = 3000;
        long gapMillis = 250;
        boolean trace = false;
        String readToken = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--gateway" -> gateway = args[i + 1];
                case "--keycloak" -> realm = args[i + 1];
                case "--approvals" -> approvals = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--poll-us" -> pollMicros = Long.parseLong(args[i + 1]);
                case "--gap-ms" -> gapMillis = Long.parseLong(args[i + 1]);
                case "--trace" -> trace = Boolean.parseBoolean(args[i + 1]);
                case "--read-token" -> readToken = args[i + 1].isBlank() ? null : args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        PyramidClient client = new PyramidClient(gateway, realm);
        ClimbSteps steps = new ClimbSteps(client);
        String run = UUID.randomUUID().toString().substring(0, 8);

        int total = warmup + approvals;
        System.out.printf("freshness: preparing %d apps with submitted M1 dossiers%n", total);
        List<Pending> pending = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            String vendor = VENDORS[i % VENDORS.length];
            String name = "Fresh" + run + "n" + i;
            UUID app = steps.registerApp(vendor, ClimbSteps.appListing(Map.of("nl", name, "fr", name, "en", name),
                    Map.of("nl", "Versheid", "fr", "Fraîcheur", "en", "Freshness"), "OTHER", List.of("WEB"),
                    List.of("PATIENT"), "fresh-" + run + "-" + i), null);
            pending.add(new Pending(name, steps.submitM1(vendor, app, "IIa", LocalDate.now().plusYears(2))));
        }

        Probe probe = new Probe(client, gateway, readToken, pollMicros, trace);
        if (warmup > 0) {
            System.out.printf("freshness: warming up with %d approvals (not counted)%n", warmup);
            report("warm-up, not counted", probe, probe.approve(pending.subList(0, warmup), 0));
        }
        System.out.printf("freshness: approving %d dossiers one after the other, %d ms after the previous one "
                + "showed, polling every %d us%n", approvals, gapMillis, pollMicros);
        report("approval response -> level in the catalog", probe,
                probe.approve(pending.subList(warmup, total), gapMillis));
    }

    record Pending(String name, UUID dossier) {
    }

    private static void report(String what, Probe probe, double[] millis) {
        Arrays.sort(millis);
        System.out.printf("freshness: %d approvals, %s: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, "
                + "min %.1f ms (%d polls, %d errors)%n", millis.length, what, percentile(millis, 50),
                percentile(millis, 90), percentile(millis, 99), millis[millis.length - 1], millis[0], probe.polls,
                probe.errors);
        probe.polls = 0;
        probe.errors = 0;
    }

    /** Approves dossiers one after the other as fiona, each timed until its app shows at M1 in the catalog. */
    private static final class Probe {
        private final PyramidClient client;
        private final String gateway;
        private final String readToken;
        private final long pollMicros;
        private final boolean trace;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        int polls;
        int errors;

        Probe(PyramidClient client, String gateway, String readToken, long pollMicros, boolean trace) {
            this.client = client;
            this.gateway = gateway;
            this.readToken = readToken;
            this.pollMicros = pollMicros;
            this.trace = trace;
        }

        double[] approve(List<Pending> dossiers, long gapMillis) throws Exception {
            double[] millis = new double[dossiers.size()];
            String fiona = null;
            for (int i = 0; i < dossiers.size(); i++) {
                Pending p = dossiers.get(i);
                if (i % 50 == 0) {
                    fiona = client.userToken("fiona");
                }
                // A pause between approvals lets the platform finish the previous one (its level change fans out
                // to four services), as approvals made by people, minutes apart, find it; 0 approves back to back.
                Thread.sleep(gapMillis);
                // The catalog's answer before the approval, as a portal that watches it holds it: after the
                // approval only its ETag is sent, so that the polls cost one tiny query until the level shows.
                URI catalog = URI.create(gateway + "/api/v1/catalog?lang=en&q="
                        + URLEncoder.encode(p.name(), StandardCharsets.UTF_8));
                HttpResponse<String> before = poll(catalog, null);
                if (before.statusCode() != 200 || before.body().contains("\"level\":\"M1\"")) {
                    throw new IllegalStateException(p.name() + " before its approval: " + before.statusCode());
                }
                String etag = before.headers().firstValue("ETag").orElse(null);
                HttpRequest decide = HttpRequest.newBuilder(URI.create(gateway + "/api/v1/m1/dossiers/" + p.dossier()
                        + "/decision")).header("Authorization", "Bearer " + fiona)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"outcome\":\"APPROVED\"}")).build();
                HttpResponse<String> decided = http.send(decide, HttpResponse.BodyHandlers.ofString());
                long approved = System.nanoTime();
                StringBuilder polled = new StringBuilder();
                if (decided.statusCode() != 200) {
                    throw new IllegalStateException("approval answered " + decided.statusCode() + ": "
                            + decided.body());
                }
                while (true) {
                    long sent = System.nanoTime();
                    HttpResponse<String> seen = poll(catalog, etag);
                    polls++;
                    if (trace) {
                        polled.append(String.format(" %.1f-%.1f:%d", (sent - approved) / 1e6,
                                (System.nanoTime() - approved) / 1e6, seen.statusCode()));
                    }
                    if (seen.statusCode() == 200) {
                        etag = seen.headers().firstValue("ETag").orElse(null);
                        if (seen.body().contains("\"level\":\"M1\"")) {
                            millis[i] = (System.nanoTime() - approved) / 1e6;
                            if (trace) {
                                System.out.printf("freshness: trace %s polls (ms after the approval's response: "
                                        + "sent-answered:status)%s%n", p.name(), polled);
                            }
                            break;
                        }
                    } else if (seen.statusCode() != 304) {
                        errors++;
                    }
                    if (System.nanoTime() - approved > 30_000_000_000L) {
                        throw new IllegalStateException(p.name() + " did not show within 30 s");
                    }
                    LockSupport.parkNanos(pollMicros * 1000);
                }
            }
            return millis;
        }

        private HttpResponse<String> poll(URI catalog, String etag) throws Exception {
            HttpRequest.Builder poll = HttpRequest.newBuilder(catalog).GET();
            if (etag != null) {
                poll.header("If-None-Match", etag);
            }
            if (readToken != null) {
                poll.header("Authorization", "Bearer " + readToken);
            }
            return http.send(poll.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
