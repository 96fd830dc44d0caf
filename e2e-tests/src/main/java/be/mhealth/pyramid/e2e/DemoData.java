package be.mhealth.pyramid.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
        List<DemoApp> apps;
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/apps.json")) {
            apps = new ObjectMapper().readValue(in, new TypeReference<>() {
            });
        }
        DemoData demo = new DemoData(new PyramidClient(gateway, realm));
        Map<String, Integer> reached = new TreeMap<>();
        for (DemoApp app : apps) {
            demo.load(app);
            reached.merge(app.target(), 1, Integer::sum);
            System.out.printf("  %-18s %-8s %-16s %s%n", app.slug(), app.vendor(), app.target(), app.name().get("en"));
        }
        System.out.println("demo data loaded: " + apps.size() + " apps " + reached);
        System.out.println("listed per level: " + demo.client.anonymous().get("/api/v1/stats").asString());
    }

    void load(DemoApp app) {
        UUID id = steps.registerApp(app.vendor(), ClimbSteps.appListing(app.name(), app.summary(), app.category(),
                app.platforms(), app.targetUsers(), app.slug()), "demo-app-" + app.slug());
        if (app.target().equals("DRAFT")) {
            return;
        }
        if (!hasDossier(app.vendor(), "m1", id)) {
            // The expired example gets a certificate that runs out tomorrow: the expiry job removes it then.
            LocalDate expiry = app.target().equals("M1_EXPIRED") ? LocalDate.now().plusDays(1)
                    : LocalDate.now().plusYears(3);
            UUID m1 = steps.submitM1(app.vendor(), id, app.deviceClass(), expiry);
            steps.decideM1(client.as("fiona"), m1, "APPROVED", null);
        }
        if (!app.target().startsWith("M2") && !app.target().startsWith("M3")) {
            return;
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
            return;
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
