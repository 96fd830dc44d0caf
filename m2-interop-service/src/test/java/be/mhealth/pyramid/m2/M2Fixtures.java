package be.mhealth.pyramid.m2;

import static io.restassured.RestAssured.given;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;

import be.mhealth.pyramid.events.EventType;
import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.RegistryEvents;
import be.mhealth.pyramid.support.projection.AppCopy;
import be.mhealth.pyramid.support.projection.AppCopyRepository;
import be.mhealth.pyramid.support.time.PlatformCalendar;
import be.mhealth.pyramid.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Shared steps: registry events that feed the app copy, and the API calls of a dossier's life. */
abstract class M2Fixtures {

    static final String DOSSIERS = "/api/v1/m2/dossiers";

    @Inject
    AppCopyRepository apps;

    @Inject
    Clock clock;

    /** Today on the platform's calendar (a Belgian day), by the services' clock. */
    LocalDate today() {
        return PlatformCalendar.today(clock);
    }

    /** An app of {@code organization} at {@code level}, as the registry would announce it; waits for the copy. */
    UUID registeredApp(String organization, Level level) {
        UUID appId = UUID.randomUUID();
        TopicReader.publish(UUID.randomUUID().toString(), new RegistryEvents.AppRegistered(appId, organization,
                Map.of("en", "App " + appId), "DIABETES", null, Instant.now()));
        if (level != null) {
            changeLevel(appId, organization, null, level);
        } else {
            awaitCopy(appId, null);
        }
        return appId;
    }

    void changeLevel(UUID appId, String organization, Level from, Level to) {
        TopicReader.publish(UUID.randomUUID().toString(), new RegistryEvents.AppLevelChanged(appId, organization,
                from, to, UUID.randomUUID().toString(), EventType.M1_GRANTED.ceType(), Instant.now()));
        awaitCopy(appId, to);
    }

    void awaitCopy(UUID appId, Level level) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            AppCopy copy = apps.findById(appId);
            return copy != null && copy.effectiveLevel == level;
        }));
    }

    static Map<String, Object> answers(boolean healthData, boolean identifiesPatient, boolean careProviders,
            boolean thirdParties, boolean authenticatesCareProviders) {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("processesHealthData", healthData);
        answers.put("identifiesPatient", identifiesPatient);
        answers.put("exchangesWithCareProviders", careProviders);
        answers.put("sendsDataToThirdParties", thirdParties);
        answers.put("authenticatesCareProviders", authenticatesCareProviders);
        return answers;
    }

    static RequestSpecification json() {
        return given().contentType(ContentType.JSON);
    }

    static ValidatableResponse create(UUID appId, Map<String, Object> answers) {
        return json().body(Map.of("appId", appId.toString(), "riskAssessment", answers)).post(DOSSIERS).then();
    }

    /** Creates a dossier as the current vendor and returns its id. */
    static String createdDossier(UUID appId, Map<String, Object> answers) {
        return create(appId, answers).statusCode(201).extract().path("id");
    }

    static ValidatableResponse action(String id, String action, Map<String, Object> body) {
        return json().body(body).post(DOSSIERS + "/" + id + "/" + action).then();
    }

    static ValidatableResponse result(String id, String criterion, String outcome, String testedOn) {
        return action(id, "test-results", Map.of("criterion", criterion, "result", outcome,
                "testCentre", "Sirris test lab", "testedOn", testedOn, "reportReference", "RPT-" + criterion + "-" + outcome));
    }

    static ValidatableResponse decide(String id, String outcome, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", outcome);
        if (reason != null) {
            body.put("reason", reason);
        }
        return action(id, "decision", body);
    }

    /** A dossier of a fresh medisoft app at M1, submitted by alice and taken into review by eric. */
    String dossierInReview(Map<String, Object> answers) {
        UUID appId = registeredApp("medisoft", Level.M1);
        Actors.alice();
        String id = createdDossier(appId, answers);
        action(id, "submit", Map.of()).statusCode(200);
        Actors.eric();
        given().post(DOSSIERS + "/" + id + "/review").then().statusCode(200);
        return id;
    }
}
