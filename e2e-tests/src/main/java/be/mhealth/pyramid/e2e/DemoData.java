package be.mhealth.pyramid.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.awaitility.Awaitility;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code ./pyramid demo}: fills a running platform through its public API with about 30 apps from four vendors,
 * at every level. Running it again changes nothing: apps are created with fixed idempotency keys, and a level
 * whose dossier already exists is left alone.
 */
public final class DemoData {

    /** One demo app as listed in {@code demo/apps.json}; {@code target} is where it should end up. */
    record DemoApp(String slug, String vendor, String category, String target, String deviceClass,
            List<String> platforms, List<String> targetUsers, Map<String, String> name, Map<String, String> summary) {
    }

    /** The demo app that declares a version (HeartRhythm 3.2.0). */
    static final String VERSIONED = "hartritme";

    private final PyramidClient client;
    private final ClimbSteps steps;

    DemoData(PyramidClient client) {
        this.client = client;
        this.steps = new ClimbSteps(client);
    }

    public static void main(String[] args) throws IOException {
        String gateway = "http://localhost:8080";
        String realm = "http://localhost:8180/realms/pyramid";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--gateway" -> gateway = args[i + 1];
                case "--keycloak" -> realm = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        DemoData demo = new DemoData(new PyramidClient(gateway, realm));
        List<DemoApp> apps = apps();
        Map<String, Integer> reached = new TreeMap<>();
        for (DemoApp app : apps) {
            demo.load(app);
            reached.merge(app.target(), 1, Integer::sum);
            System.out.printf("  %-18s %-8s %-16s %s%n", app.slug(), app.vendor(), app.target(), app.name().get("en"));
        }
        System.out.println("demo data loaded: " + apps.size() + " apps " + reached);
        System.out.println("listed per level: " + demo.client.anonymous().get("/api/v1/stats").asString());
    }

    /** The demo apps of {@code demo/apps.json}. */
    static List<DemoApp> apps() throws IOException {
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/apps.json")) {
            return new ObjectMapper().readValue(in, new TypeReference<>() {
            });
        }
    }

    /** The level the public catalog shows once {@code app} is loaded; null when it is not listed. */
    static String catalogLevel(DemoApp app) {
        return switch (app.target()) {
            case "DRAFT", "M1_PENDING", "M1_EXPIRED", "WITHDRAWN" -> null;
            case "M3_PENDING" -> "M2";
            default -> app.target().substring(0, 2);
        };
    }

    /** Brings {@code app} to its target through the public API, skipping what is already done; returns its id. */
    UUID load(DemoApp app) {
        UUID id = steps.registerApp(app.vendor(), ClimbSteps.appListing(app.name(), app.summary(), app.category(),
                app.platforms(), app.targetUsers(), app.slug()), "demo-app-" + app.slug());
        if (app.slug().equals(VERSIONED) && client.as(app.vendor()).get("/api/v1/apps/" + id + "/versions").then()
                .statusCode(200).extract().<Integer>path("total") == 0) {
            steps.declareVersion(app.vendor(), id, "3.2.0", List.of(), "demo-version-" + app.slug());
        }
        if (app.target().equals("DRAFT")) {
            return id;
        }
        if (!hasDossier(app.vendor(), "m1", id)) {
            UUID m1 = steps.submitM1(app.vendor(), id, app.deviceClass(), LocalDate.now().plusYears(3));
            if (app.target().equals("M1_PENDING")) {
                // submitted, waiting in FAMHP's review queue
                return id;
            }
            steps.decideM1(client.as("fiona"), m1, "APPROVED", null);
        }
        if (app.target().equals("M1_PENDING")) {
            return id;
        }
        if (app.target().equals("M1_EXPIRED")) {
            // FAMHP learns from the notified body that the certificate ended earlier than the dossier states.
            activeM1Grant(app.vendor(), id).ifPresent(m1 -> {
                LocalDate lastValidDay = LocalDate.now().minusDays(14);
                steps.recordM1Expiry(client.as("fiona"), m1, lastValidDay, "Notified body 2797 confirmed that the "
                        + "certificate was not renewed after its last review.");
            });
            return id;
        }
        if (app.target().equals("WITHDRAWN")) {
            // Listed first (so that its public record stays), then taken off the market by its vendor.
            if (client.as(app.vendor()).get("/api/v1/apps/" + id).then().statusCode(200).extract()
                    .path("marketWithdrawal") == null) {
                Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                        .until(() -> Boolean.TRUE.equals(client.as(app.vendor()).get("/api/v1/apps/" + id).then()
                                .extract().path("listed")));
                steps.withdrawFromMarket(app.vendor(), id, "REPLACED_BY_SUCCESSOR", "Replaced by our new "
                        + "stress programme, which is assessed separately.", "demo-withdrawal-" + app.slug());
            }
            return id;
        }
        if (!app.target().startsWith("M2") && !app.target().startsWith("M3")) {
            return id;
        }
        if (!hasDossier(app.vendor(), "m2", id)) {
            ClimbSteps.M2Dossier m2 = once(() -> steps.submitM2(app.vendor(), id,
                    ClimbSteps.riskAssessment(app.targetUsers().contains("HEALTHCARE_PROFESSIONAL"))));
            for (String criterion : m2.requiredCriteria()) {
                steps.recordTestResult(client.as("tess"), m2.id(), criterion, "PASS");
            }
            steps.decideM2(client.as("eric"), m2.id(), "APPROVED", null);
        }
        if (!app.target().startsWith("M3") || hasDossier(app.vendor(), "m3", id)) {
            return id;
        }
        UUID m3 = once(() -> steps.submitM3(app.vendor(), id));
        steps.decideM3(client.as("nina"), m3, Map.of("outcome", "ADMISSIBLE"));
        String code = "7" + String.format("%05d", Math.abs(app.slug().hashCode()) % 100_000);
        switch (app.target()) {
            case "M3_TEMPORARY" -> steps.decideM3(client.as("nina"), m3, ClimbSteps.approvedTemporary(code));
            case "M3_DEFINITIVE" -> steps.decideM3(client.as("nina"), m3, ClimbSteps.approvedDefinitive(code));
            default -> {
                // M3_PENDING: admissible, awaiting NIHDI's decision
            }
        }
        return id;
    }

    private Optional<UUID> activeM1Grant(String vendor, UUID appId) {
        List<String> ids = client.as(vendor).queryParam("appId", appId).queryParam("state", "APPROVED")
                .get("/api/v1/m1/dossiers").then().statusCode(200).extract().jsonPath().getList("items.id");
        return ids.stream().findFirst().map(UUID::fromString);
    }

    private boolean hasDossier(String vendor, String level, UUID appId) {
        return client.as(vendor).queryParam("appId", appId).get("/api/v1/" + level + "/dossiers")
                .then().statusCode(200).extract().jsonPath().getInt("total") > 0;
    }

    /** Retries a step refused while the level service has not yet seen the app's new level (an event away). */
    private static <T> T once(java.util.function.Supplier<T> step) {
        Object[] result = new Object[1];
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptionsInstanceOf(AssertionError.class)
                .until(() -> {
                    result[0] = step.get();
                    return true;
                });
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }
}
