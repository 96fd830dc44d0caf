package be.mhealth.pyramid.m3.api;

import static be.mhealth.pyramid.m3.M3Fixtures.DOSSIERS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.DossierEvents;
import be.mhealth.pyramid.events.EventType;
import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.RegistryEvents.AppVersionDeclared;
import be.mhealth.pyramid.events.RegistryEvents.AppWithdrawnFromMarket;
import be.mhealth.pyramid.events.RegistryEvents.MarketWithdrawalReason;
import be.mhealth.pyramid.events.RegistryEvents.SignificantChange;
import be.mhealth.pyramid.events.Topic;
import be.mhealth.pyramid.m3.Actors;
import be.mhealth.pyramid.m3.M3Fixtures;
import be.mhealth.pyramid.m3.service.ProcedureClock;
import be.mhealth.pyramid.support.inbox.ParkedEvents;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.MovableClock;
import be.mhealth.pyramid.testing.PostgresResource;
import be.mhealth.pyramid.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Issue 15: a market withdrawal closes the app's open dossier or its reimbursement (by the service, no
 * {@code m3.ended}) and stops its clocks; a declared version is accepted and changes no dossier.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class MarketWithdrawalTest {

    @Inject
    M3Fixtures fixture;

    @Inject
    Actors actors;

    @Inject
    MovableClock clock;

    @Inject
    ProcedureClock procedureClock;

    @Inject
    ParkedEvents parked;

    @BeforeEach
    void midday() {
        fixture.startAtMidday();
    }

    @AfterEach
    void reset() {
        clock.reset();
        actors.anonymous();
    }

    @Test
    void aMarketWithdrawalClosesTheOpenDossierAndTheReimbursementAndTheirClocksStop() {
        UUID waitingApp = fixture.medisoftApp();
        UUID waiting = fixture.inEvaluation(waitingApp);
        fixture.decide(waiting, Map.of("outcome", "CLARIFICATION_REQUESTED", "reason", "which population?"))
                .statusCode(200);
        UUID reimbursedApp = fixture.medisoftApp();
        UUID reimbursed = fixture.inEvaluation(reimbursedApp);
        LocalDate today = fixture.today();
        fixture.decide(reimbursed, M3Fixtures.temporary(today, today.plusDays(10))).statusCode(200);
        UUID elsewhere = fixture.inEvaluation(fixture.medisoftApp());

        withdraw(waitingApp);
        withdraw(reimbursedApp);

        actors.nina();
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            fixture.read(waiting).body("state", equalTo("CLOSED"));
            fixture.read(reimbursed).body("state", equalTo("CLOSED"));
        });
        fixture.read(waiting).body("currentStep", nullValue()).body("dueDate", nullValue())
                .body("clockStopped", equalTo(false)).body("endedOn", nullValue());
        fixture.read(reimbursed).body("endedOn", equalTo(today.toString()))
                .body("grant.nomenclatureCode", equalTo("789012"));
        fixture.read(elsewhere).body("state", equalTo("IN_EVALUATION"));

        List<Map<String, Object>> items = given().get(DOSSIERS + "/" + waiting + "/history").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertThat(items.get(items.size() - 1)).containsEntry("action", "CLOSE")
                .containsEntry("from", "CLARIFICATION_REQUESTED").containsEntry("to", "CLOSED")
                .containsEntry("actor", "m3-reimbursement-service")
                .containsEntry("reason", "the vendor took the app off the market");
        DossierEvents.DossierStateChanged changed = TopicReader.await(Topic.M3_DECISIONS.topicName(),
                e -> EventType.M3_DOSSIER_STATE_CHANGED.ceType().equals(e.ceType())
                        && reimbursedApp.toString().equals(e.key()) && e.value().contains("\"CLOSE\""))
                .payload(DossierEvents.DossierStateChanged.class);
        assertThat(changed.from()).isEqualTo("APPROVED_TEMPORARY");
        assertThat(changed.to()).isEqualTo("CLOSED");
        assertThat(changed.actedBy()).isEqualTo(DossierEvents.ActedBy.SYSTEM);

        // the clock job neither lapses the clarification nor ends the reimbursement of a closed dossier
        clock.advance(Duration.ofDays(40));
        procedureClock.run();
        fixture.read(waiting).body("state", equalTo("CLOSED"));
        fixture.read(reimbursed).body("state", equalTo("CLOSED")).body("endedOn", equalTo(today.toString()));
        assertThat(TopicReader.readAll(Topic.M3_DECISIONS.topicName())).as("the registry already ended the grant")
                .noneMatch(e -> EventType.M3_ENDED.ceType().equals(e.ceType())
                        && reimbursedApp.toString().equals(e.key()));
        assertThat(given().get(DOSSIERS + "/" + reimbursed + "/history").then().extract().jsonPath()
                .getList("items.action", String.class)).endsWith("APPROVE_TEMPORARY", "CLOSE");
        assertThat(given().queryParam("size", 100).get("/api/v1/m3/review-queue").then().statusCode(200).extract()
                .jsonPath().getList("items.dossierId", String.class)).doesNotContain(waiting.toString());
    }

    @Test
    void aDeclaredVersionIsAcceptedAndChangesNoDossier() {
        UUID appId = fixture.medisoftApp();
        UUID id = fixture.inEvaluation(appId);
        TopicReader.publish(UUID.randomUUID().toString(), new AppVersionDeclared(appId, "medisoft", Level.M2,
                UUID.randomUUID(), "3.0.0", LocalDate.now(), Map.of("nl", "n", "fr", "f", "en", "e"),
                List.of(SignificantChange.INTENDED_PURPOSE, SignificantChange.HOSTING), List.of(Level.M1, Level.M2),
                Instant.now()));
        // a later event of the same app is applied: the version was not parked (it would hold this one behind it)
        fixture.levelChanged(appId, "medisoft", Level.M2, Level.M3);

        assertThat(parked.list(null, 0, 1000).items()).noneMatch(e -> appId.toString().equals(e.key));
        actors.nina();
        fixture.read(id).body("state", equalTo("IN_EVALUATION"));
        JsonPath history = given().get(DOSSIERS + "/" + id + "/history").then().extract().jsonPath();
        assertThat(history.getList("items.action", String.class)).endsWith("SUBMIT", "DECLARE_ADMISSIBLE");
    }

    private static void withdraw(UUID appId) {
        TopicReader.publish(UUID.randomUUID().toString(), new AppWithdrawnFromMarket(appId, "medisoft", Level.M3,
                null, MarketWithdrawalReason.DISCONTINUED, "we stop", List.of(Level.M1, Level.M2, Level.M3),
                Instant.now()));
    }
}
