package be.mhealth.pyramid.e2e;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The steps of a climb up the pyramid, each one public API call through the gateway, made by the role the
 * platform expects (vendor, assessor, test centre). Each step checks the status it expects and returns ids.
 */
public final class ClimbSteps {

    /** A minimal but valid PDF, as vendors upload certificates. */
    static final byte[] PDF = ("%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
            + "2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    private final PyramidClient client;

    public ClimbSteps(PyramidClient client) {
        this.client = client;
    }

    public PyramidClient client() {
        return client;
    }

    // ---- registry ----

    public static Map<String, Object> appListing(Map<String, String> name, Map<String, String> summary, String category,
            List<String> platforms, List<String> targetUsers, String slug) {
        return Map.of(
                "name", name,
                "summary", summary,
                "category", category,
                "targetUsers", targetUsers,
                "platforms", platforms,
                "website", "https://" + slug + ".example.be",
                "storeLinks", Map.of("appStore", "https://apps.apple.com/be/app/" + slug),
                "supportContact", Map.of("email", "support@" + slug + ".example.be"),
                "supportedLanguages", List.of("nl", "fr", "en"));
    }

    /** Registers an app (or, with the same idempotency key, gets the one registered before). */
    public UUID registerApp(String vendor, Map<String, Object> listing, String idempotencyKey) {
        RequestSpecification request = client.as(vendor).body(listing);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return UUID.fromString(request.post("/api/v1/apps").then().statusCode(201).extract().path("id"));
    }

    /** Declares a version of the vendor's app (release date today, notes in nl, fr and en); returns its id. */
    public UUID declareVersion(String vendor, UUID appId, String version, List<String> significantChanges,
            String idempotencyKey) {
        Map<String, Object> body = Map.of("version", version, "releasedOn", LocalDate.now().toString(),
                "releaseNotes", Map.of("nl", "Versie " + version + ": sneller en duidelijker.",
                        "fr", "Version " + version + " : plus rapide et plus claire.",
                        "en", "Version " + version + ": faster and clearer."),
                "significantChanges", significantChanges);
        RequestSpecification request = client.as(vendor).body(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return UUID.fromString(request.post("/api/v1/apps/" + appId + "/versions").then().statusCode(201).extract()
                .path("id"));
    }

    /** The vendor takes its app off the market. */
    public void withdrawFromMarket(String vendor, UUID appId, String reasonCategory, String reason,
            String idempotencyKey) {
        RequestSpecification request = client.as(vendor).body(Map.of("reasonCategory", reasonCategory,
                "reason", reason));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        request.post("/api/v1/apps/" + appId + "/market-withdrawal").then().statusCode(200);
    }

    // ---- M1 ----

    public static Map<String, Object> m1Dossier(UUID appId, String deviceClass, LocalDate expiresOn) {
        return m1Dossier(appId, deviceClass, expiresOn, gdpr(null));
    }

    /**
     * The GDPR declaration a demo vendor makes in its M1 dossiers (published with the M1 grant as the app's
     * data-protection topic): its own DPO mailbox and privacy policy; vitalink hosts in Switzerland (an adequacy
     * decision), the others in the EU/EEA. A role mailbox, never a person's name.
     */
    public static Map<String, Object> gdpr(String vendor) {
        String org = switch (vendor == null ? "" : vendor) {
            case "alice" -> "medisoft";
            case "bob" -> "carelab";
            case "chloe" -> "vitalink";
            case "dirk" -> "respira";
            default -> "example";
        };
        Map<String, Object> location = "vitalink".equals(org)
                ? Map.of("area", "THIRD_COUNTRY", "country", "CH", "transferMechanism", "ADEQUACY_DECISION")
                : Map.of("area", "EU_EEA");
        return Map.of(
                "dpoContact", "dpo@" + org + ".be",
                "legalBasis", "carelab".equals(org) ? "CONTRACT" : "CONSENT",
                "dataLocation", location,
                "privacyPolicyUrl", "https://" + org + ".be/privacy");
    }

    public static Map<String, Object> m1Dossier(UUID appId, String deviceClass, LocalDate expiresOn,
            Map<String, Object> gdpr) {
        Map<String, Object> certificate = new java.util.HashMap<>(Map.of(
                "regulation", "MDR",
                "deviceClass", deviceClass,
                "number", "CE-" + appId.toString().substring(0, 8).toUpperCase(),
                "issuedOn", LocalDate.now().minusYears(1).toString(),
                "expiresOn", expiresOn.toString(),
                "udiDi", "0" + Math.abs(appId.getMostSignificantBits() % 10_000_000_000_000L),
                "intendedPurpose", Map.of(
                        "nl", "Ondersteuning van de opvolging van patiënten.",
                        "fr", "Soutien au suivi des patients.",
                        "en", "Supports the follow-up of patients.")));
        if (!"I".equals(deviceClass)) {
            certificate.put("notifiedBody", "2797");
        }
        return Map.of(
                "appId", appId.toString(),
                "certificate", certificate,
                "famhpNotification", "FAMHP-" + appId.toString().substring(0, 6).toUpperCase(),
                "gdpr", gdpr);
    }

    /** Opens an M1 dossier, attaches the CE certificate and submits it; returns the dossier id. */
    public UUID submitM1(String vendor, UUID appId, String deviceClass, LocalDate expiresOn) {
        UUID dossier = UUID.fromString(client.as(vendor).body(m1Dossier(appId, deviceClass, expiresOn, gdpr(vendor)))
                .post("/api/v1/m1/dossiers").then().statusCode(201).extract().path("id"));
        client.as(vendor).contentType("multipart/form-data")
                .multiPart("kind", "CE_CERTIFICATE")
                .multiPart("file", "ce-certificate.pdf", PDF, "application/pdf")
                .post("/api/v1/m1/dossiers/" + dossier + "/attachments").then().statusCode(201);
        client.as(vendor).post("/api/v1/m1/dossiers/" + dossier + "/submit").then().statusCode(200);
        return dossier;
    }

    /** The FAMHP decision, by an assessor (user) or the FAMHP system (client credentials). */
    public void decideM1(RequestSpecification famhp, UUID dossier, String outcome, String reason) {
        famhp.body(reason == null ? Map.of("outcome", outcome) : Map.of("outcome", outcome, "reason", reason))
                .post("/api/v1/m1/dossiers/" + dossier + "/decision").then().statusCode(200);
    }

    public void revokeM1(RequestSpecification famhp, UUID dossier, String reason) {
        famhp.body(Map.of("reason", reason)).post("/api/v1/m1/dossiers/" + dossier + "/revocation")
                .then().statusCode(200);
    }

    /** FAMHP records that the certificate behind a grant expired on {@code expiredOn}, earlier than on record. */
    public void recordM1Expiry(RequestSpecification famhp, UUID dossier, LocalDate expiredOn, String reason) {
        famhp.body(Map.of("expiredOn", expiredOn.toString(), "reason", reason))
                .post("/api/v1/m1/dossiers/" + dossier + "/expiry").then().statusCode(200);
    }

    // ---- M2 ----

    public static Map<String, Object> riskAssessment(boolean exchangesWithCareProviders) {
        return Map.of(
                "processesHealthData", true,
                "identifiesPatient", true,
                "exchangesWithCareProviders", exchangesWithCareProviders,
                "sendsDataToThirdParties", false,
                "authenticatesCareProviders", exchangesWithCareProviders);
    }

    /** Opens an M2 dossier from a risk assessment and submits it; returns id and the required criteria. */
    public M2Dossier submitM2(String vendor, UUID appId, Map<String, Object> riskAssessment) {
        var created = open(vendor, "/api/v1/m2/dossiers",
                Map.of("appId", appId.toString(), "riskAssessment", riskAssessment));
        UUID id = UUID.fromString(created.getString("id"));
        List<String> criteria = created.getList("requiredCriteria.criterion");
        client.as(vendor).post("/api/v1/m2/dossiers/" + id + "/submit").then().statusCode(200);
        return new M2Dossier(id, criteria);
    }

    public record M2Dossier(UUID id, List<String> requiredCriteria) {
    }

    public void recordTestResult(RequestSpecification testCentre, UUID dossier, String criterion, String result) {
        testCentre.body(Map.of(
                        "criterion", criterion,
                        "result", result,
                        "testCentre", "Belgian mHealth Test Centre",
                        "testedOn", LocalDate.now().toString(),
                        "reportReference", "BTC-" + criterion + "-" + dossier.toString().substring(0, 8)))
                .post("/api/v1/m2/dossiers/" + dossier + "/test-results").then().statusCode(201);
    }

    public void decideM2(RequestSpecification ehealth, UUID dossier, String outcome, String reason) {
        ehealth.body(reason == null ? Map.of("outcome", outcome) : Map.of("outcome", outcome, "reason", reason))
                .post("/api/v1/m2/dossiers/" + dossier + "/decision").then().statusCode(200);
    }

    // ---- M3 ----

    public static Map<String, Object> m3Request(UUID appId) {
        return Map.of(
                "appId", appId.toString(),
                "carePathway", Map.of(
                        "nl", "Opvolging thuis na ontslag uit het ziekenhuis, voorgeschreven door de specialist.",
                        "fr", "Suivi à domicile après la sortie de l'hôpital, prescrit par le spécialiste.",
                        "en", "Home follow-up after hospital discharge, prescribed by the specialist."),
                "clinicalEvidence", List.of(Map.of(
                        "design", "RCT",
                        "patients", 412,
                        "primaryOutcome", "readmissions within 90 days",
                        "result", "23% fewer readmissions than usual care",
                        "reference", "10.1000/pyramid." + appId.toString().substring(0, 8))),
                "socioEconomicEvidence", Map.of(
                        "budgetImpactPerYear", 1_250_000,
                        "costEffectiveness", "EUR 14,000 per QALY (Belgian KCE method)"),
                "requestedFinancing", Map.of("amount", 35.00, "unit", "PER_PATIENT_PER_MONTH", "months", 24));
    }

    public UUID submitM3(String vendor, UUID appId) {
        UUID id = UUID.fromString(open(vendor, "/api/v1/m3/dossiers", m3Request(appId)).getString("id"));
        client.as(vendor).post("/api/v1/m3/dossiers/" + id + "/submit").then().statusCode(200);
        return id;
    }

    /**
     * Opens a dossier at M2 or M3, expecting 201. The catalog (the registry) may show a new level a moment before the
     * level service's own copy of the app has it; the service waits for its copy (AppCopyArrival), so no retry here.
     */
    private JsonPath open(String vendor, String path, Object body) {
        return client.as(vendor).body(body).post(path).then().statusCode(201).extract().jsonPath();
    }

    public void decideM3(RequestSpecification nihdi, UUID dossier, Map<String, Object> decision) {
        nihdi.body(decision).post("/api/v1/m3/dossiers/" + dossier + "/decision").then().statusCode(200);
    }

    public static Map<String, Object> approvedTemporary(String code) {
        LocalDate start = LocalDate.now().withDayOfMonth(1).plusMonths(1);
        return Map.of("outcome", "APPROVED_TEMPORARY", "nomenclatureCode", code, "amount", 35.00,
                "unit", "PER_PATIENT_PER_MONTH", "startDate", start.toString(),
                "endDate", start.plusYears(2).minusDays(1).toString());
    }

    public static Map<String, Object> approvedDefinitive(String code) {
        return Map.of("outcome", "APPROVED_DEFINITIVE", "nomenclatureCode", code, "amount", 30.00,
                "unit", "PER_PATIENT_PER_MONTH",
                "startDate", LocalDate.now().withDayOfMonth(1).plusMonths(1).toString());
    }
}
