package be.mhealth.pyramid.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * M1 decisions on many apps at once, as FAMHP's system and the vendors make them through the gateway, each write
 * retried with its {@code Idempotency-Key} until it is answered (a part of the platform may be down meanwhile). The
 * burst knows the level and the level history every app's decisions imply.
 */
final class DecisionBurst {

    /** One app of the burst and what its decisions so far imply. */
    static final class App {
        final UUID id;
        final String vendor;
        UUID dossier;
        int dossiers;
        final List<String> history = new ArrayList<>();

        App(UUID id, String vendor) {
            this.id = id;
            this.vendor = vendor;
        }

        String level() {
            return history.isEmpty() ? null : history.get(history.size() - 1);
        }
    }

    /** One decision of an app, with the vendor's work it needs. */
    enum Step {
        APPROVE, REVOKE
    }

    private static final Set<Integer> RETRIED = Set.of(429, 500, 502, 503, 504);
    private static final Duration GIVE_UP = Duration.ofMinutes(5);
    private static final String[] VENDORS = { "alice", "bob", "chloe", "dirk" };

    private final PyramidClient client;
    private final String tag = "Burst" + UUID.randomUUID().toString().substring(0, 8);
    private final List<App> apps = new ArrayList<>();
    private final AtomicInteger decisions = new AtomicInteger();
    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    DecisionBurst(PyramidClient client) {
        this.client = client;
    }

    /** Registers {@code count} apps for the burst (four vendors, names starting with a common tag). */
    void register(int count) {
        ClimbSteps steps = new ClimbSteps(client);
        for (int i = 0; i < count; i++) {
            String vendor = VENDORS[i % VENDORS.length];
            String name = tag + "-" + i;
            apps.add(new App(steps.registerApp(vendor, PyramidClimbIT.listing(name), tag + "-" + i), vendor));
        }
    }

    List<App> apps() {
        return apps;
    }

    int decisions() {
        return decisions.get();
    }

    /** Runs each app's steps in order, the apps in parallel; returns the running batch. */
    CompletableFuture<Void> start(Map<App, List<Step>> steps) {
        List<CompletableFuture<Void>> running = new ArrayList<>();
        steps.forEach((app, list) -> running.add(CompletableFuture.runAsync(() -> {
            for (Step step : list) {
                if (step == Step.APPROVE) {
                    approveNewDossier(app);
                } else {
                    revoke(app);
                }
            }
        }, pool)));
        return CompletableFuture.allOf(running.toArray(CompletableFuture[]::new));
    }

    void close() {
        pool.shutdownNow();
    }

    /** The vendor opens, fills and submits a new M1 dossier; FAMHP's system approves it. */
    private void approveNewDossier(App app) {
        app.dossiers++;
        String key = app.id + "-" + app.dossiers;
        Response created = retried(() -> client.as(app.vendor).header("Idempotency-Key", key + "-create")
                .body(ClimbSteps.m1Dossier(app.id, "IIa", LocalDate.now().plusYears(3)))
                .post("/api/v1/m1/dossiers"), 201, 404);
        UUID dossier = UUID.fromString(created.path("id"));
        retried(() -> client.as(app.vendor).header("Idempotency-Key", key + "-attach")
                .contentType("multipart/form-data").multiPart("kind", "CE_CERTIFICATE")
                .multiPart("file", "ce-certificate.pdf", ClimbSteps.PDF, "application/pdf")
                .post("/api/v1/m1/dossiers/" + dossier + "/attachments"), 201);
        retried(() -> client.as(app.vendor).header("Idempotency-Key", key + "-submit")
                .post("/api/v1/m1/dossiers/" + dossier + "/submit"), 200);
        retried(() -> client.asSystem("famhp-system").header("Idempotency-Key", key + "-approve")
                .body(Map.of("outcome", "APPROVED")).post("/api/v1/m1/dossiers/" + dossier + "/decision"), 200);
        app.dossier = dossier;
        app.history.add("M1");
        decisions.incrementAndGet();
    }

    private void revoke(App app) {
        UUID dossier = app.dossier;
        retried(() -> client.asSystem("famhp-system").header("Idempotency-Key", dossier + "-revoke")
                .body(Map.of("reason", "certificate suspended (burst " + tag + ")"))
                .post("/api/v1/m1/dossiers/" + dossier + "/revocation"), 200);
        app.history.add(null);
        decisions.incrementAndGet();
    }

    /**
     * Sends the request until it gets {@code expected}: again after a connection failure, 429, 500 or a 502–504 (a
     * part restarting), and for a creation after 404 (the app has not reached M1's copy yet).
     */
    private static Response retried(Supplier<Response> request, int expected, int... alsoRetried) {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        String last = "nothing";
        while (System.nanoTime() < deadline) {
            try {
                Response response = request.get();
                int status = response.statusCode();
                if (status == expected) {
                    return response;
                }
                last = status + " " + response.asString();
                boolean again = RETRIED.contains(status);
                for (int s : alsoRetried) {
                    again |= s == status;
                }
                if (!again) {
                    throw new AssertionError("unexpected answer " + last);
                }
            } catch (RuntimeException e) {
                last = e.toString();
            }
            sleep(300);
        }
        throw new AssertionError("no answer " + expected + " within " + GIVE_UP + "; last: " + last);
    }

    /** True when the public catalog lists exactly the burst's apps whose decisions leave them at M1. */
    boolean catalogMatches() {
        JsonPath page = client.anonymous().queryParam("q", tag).queryParam("size", 100).get("/api/v1/catalog")
                .then().statusCode(200).extract().jsonPath();
        Set<String> listed = new HashSet<>(page.getList("items.findAll { it.level == 'M1' }.id", String.class));
        Set<String> expected = new HashSet<>();
        for (App app : apps) {
            if ("M1".equals(app.level())) {
                expected.add(app.id.toString());
            }
        }
        return page.getInt("total") == expected.size() && listed.equals(expected);
    }

    /** Every app's level history is exactly what its decisions imply: each change once, none duplicated. */
    void assertHistories() {
        for (App app : apps) {
            JsonPath history = client.as(app.vendor).queryParam("size", 100).get("/api/v1/apps/" + app.id + "/history")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(history.getList("items.toLevel")).as("level history of %s", app.id)
                    .containsExactlyElementsOf(app.history);
            List<String> causes = history.getList("items.causeEventId", String.class);
            assertThat(causes).as("cause events of %s", app.id).doesNotHaveDuplicates();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
