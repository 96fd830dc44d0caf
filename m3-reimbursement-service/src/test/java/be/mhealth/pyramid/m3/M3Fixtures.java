package be.mhealth.pyramid.m3;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.awaitility.Awaitility;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.RegistryEvents;
import be.mhealth.pyramid.support.projection.AppCopy;
import be.mhealth.pyramid.support.projection.AppCopyRepository;
import be.mhealth.pyramid.support.time.PlatformCalendar;
import be.mhealth.pyramid.testing.MovableClock;
import be.mhealth.pyramid.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Registry apps fed through Kafka, valid dossier bodies and the procedure's calls, as the tests need them. */
@ApplicationScoped
public class M3Fixtures {

    public static final String DOSSIERS = "/api/v1/m3/dossiers";

    private final AppCopyRepository apps;
    private final MovableClock clock;
    private final Actors actors;

    M3Fixtures(AppCopyRepository apps, MovableClock clock, Actors actors) {
        this.apps = apps;
        this.clock = clock;
        this.actors = actors;
    }

    /** An app of {@code organization} the registry announced at {@code level} (null: no level). */
    public UUID app(String organization, Level level) {
        UUID appId = UUID.randomUUID();
        TopicReader.publish(UUID.randomUUID().toString(), new RegistryEvents.AppRegistered(appId, organization,
                Map.of("en", "Glucose coach"), "DIABETES", null, Instant.now()));
        if (level != null) {
            TopicReader.publish(UUID.randomUUID().toString(), new RegistryEvents.AppLevelChanged(appId, organization,
                    null, level, UUID.randomUUID().toString(), "be.mhealth.pyramid.m2.granted.v1", Instant.now()));
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            AppCopy copy = apps.findById(appId);
            return copy != null && copy.effectiveLevel == level;
        }));
        return appId;
    }

    /** The registry announces that the app now stands at {@code level}; returns once the copy has it. */
    public void levelChanged(UUID appId, String organization, Level from, Level level) {
        TopicReader.publish(UUID.randomUUID().toString(), new RegistryEvents.AppLevelChanged(appId, organization,
                from, level, UUID.randomUUID().toString(), "be.mhealth.pyramid.m1.expired.v1", Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> apps.findById(appId).effectiveLevel == level));
    }

    /** A medisoft app at M2. */
    public UUID medisoftApp() {
        return app("medisoft", Level.M2);
    }

    public static Map<String, Object> request(UUID appId) {
        Map<String, Object> body = content();
        body.put("appId", appId);
        return body;
    }

    public static Map<String, Object> content() {
        Map<String, Object> body = new HashMap<>();
        body.put("carePathway", Map.of("nl", "Opvolging van type 2 diabetes", "fr", "Suivi du diabète de type 2",
                "en", "Follow-up of type 2 diabetes"));
        body.put("clinicalEvidence", List.of(Map.of("design", "RCT", "patients", 240,
                "primaryOutcome", "HbA1c after 12 months", "result", "-0.5 percentage points",
                "reference", "10.1000/diab.2025.42")));
        body.put("socioEconomicEvidence", Map.of("budgetImpactPerYear", 125000.00,
                "costEffectiveness", "EUR 12,000 per QALY"));
        body.put("requestedFinancing", Map.of("amount", 30.00, "unit", "PER_PATIENT_PER_MONTH", "months", 24));
        return body;
    }

    /** alice opens a draft for her app; returns its id. */
    public UUID draft(UUID appId) {
        actors.alice();
        return UUID.fromString(given().contentType(ContentType.JSON).body(request(appId)).post(DOSSIERS)
                .then().statusCode(201).extract().path("id"));
    }

    /** A draft alice submitted. */
    public UUID submitted(UUID appId) {
        UUID id = draft(appId);
        given().post(DOSSIERS + "/" + id + "/submit").then().statusCode(200);
        return id;
    }

    /** A dossier NIHDI found admissible: in evaluation. */
    public UUID inEvaluation(UUID appId) {
        UUID id = submitted(appId);
        decide(id, Map.of("outcome", "ADMISSIBLE")).statusCode(200);
        return id;
    }

    /** nina records a step. */
    public ValidatableResponse decide(UUID id, Map<String, Object> decision) {
        actors.nina();
        return given().contentType(ContentType.JSON).body(decision).post(DOSSIERS + "/" + id + "/decision").then();
    }

    /** nina ends an approved reimbursement. */
    public ValidatableResponse revoke(UUID id, String reason) {
        actors.nina();
        return given().contentType(ContentType.JSON).body(Map.of("reason", reason))
                .post(DOSSIERS + "/" + id + "/revocation").then();
    }

    /** alice withdraws her dossier. */
    public ValidatableResponse withdraw(UUID id, String reason) {
        actors.alice();
        return given().contentType(ContentType.JSON).body(Map.of("reason", reason))
                .post(DOSSIERS + "/" + id + "/withdraw").then();
    }

    public ValidatableResponse read(UUID id) {
        return given().get(DOSSIERS + "/" + id).then().statusCode(200);
    }

    /** Today on the statutory calendar (Belgian days), by the (movable) clock. */
    public LocalDate today() {
        return PlatformCalendar.today(clock);
    }

    /**
     * Noon today on the statutory calendar: days the test then adds stay whole calendar days across summer time, at
     * whatever hour it runs (CI once ran at 00:19 Belgian time and a 24-hour day crossed into the day before).
     */
    public void startAtMidday() {
        clock.setToMidday(PlatformCalendar.ZONE);
    }

    public static Map<String, Object> temporary(LocalDate start, LocalDate end) {
        return Map.of("outcome", "APPROVED_TEMPORARY", "nomenclatureCode", "789012", "amount", 25.50,
                "unit", "PER_PATIENT_PER_MONTH", "startDate", start.toString(), "endDate", end.toString());
    }
}
