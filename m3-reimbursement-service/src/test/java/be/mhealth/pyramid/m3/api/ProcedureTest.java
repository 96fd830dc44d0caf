package be.mhealth.pyramid.m3.api;

import static be.mhealth.pyramid.m3.M3Fixtures.DOSSIERS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.awaitility.Awaitility;

import be.mhealth.pyramid.events.DossierEvents;
import be.mhealth.pyramid.events.EventType;
import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.M3Events;
import be.mhealth.pyramid.events.Topic;
import be.mhealth.pyramid.m3.Actors;
import be.mhealth.pyramid.m3.M3Fixtures;
import be.mhealth.pyramid.m3.service.ProcedureClock;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.MovableClock;
import be.mhealth.pyramid.testing.PostgresResource;
import be.mhealth.pyramid.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** NIHDI's procedure end to end: each step, the clocks with their stops, the clock job and the events. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class ProcedureTest {

    private static final String QUEUE = "/api/v1/m3/review-queue";

    @Inject
    M3Fixtures fixture;

    @Inject
    Actors actors;

    @Inject
    MovableClock clock;

    @Inject
    ProcedureClock procedureClock;

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
    void clocksRunWithStopsAndTheExtensionUntilATemporaryReimbursementEnds() {
        UUID appId = fixture.medisoftApp();
        UUID id = fixture.submitted(appId);
        LocalDate submittedOn = fixture.today();
        fixture.read(id).body("state", equalTo("SUBMITTED"))
                .body("currentStep", equalTo("ADMISSIBILITY"))
                .body("dueDate", equalTo(submittedOn.plusDays(30).toString()))
                .body("daysRemaining", equalTo(30))
                .body("overdue", equalTo(false));

        clock.advance(Duration.ofDays(5));
        LocalDate admissibleOn = fixture.today();
        fixture.decide(id, Map.of("outcome", "ADMISSIBLE")).statusCode(200)
                .body("state", equalTo("IN_EVALUATION"))
                .body("currentStep", equalTo("EVALUATION"))
                .body("dueDate", equalTo(admissibleOn.plusDays(180).toString()));

        clock.advance(Duration.ofDays(20));
        fixture.decide(id, Map.of("outcome", "CLARIFICATION_REQUESTED", "reason", "Which comparator arm?"))
                .statusCode(200)
                .body("state", equalTo("CLARIFICATION_REQUESTED"))
                .body("currentStep", equalTo("CLARIFICATION"))
                .body("clockStopped", equalTo(true))
                .body("dueDate", equalTo(fixture.today().plusDays(30).toString()));

        clock.advance(Duration.ofDays(10));
        actors.alice();
        String etag = fixture.read(id).extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", etag).body(M3Fixtures.request(appId))
                .put(DOSSIERS + "/" + id).then().statusCode(200);
        given().post(DOSSIERS + "/" + id + "/submit").then().statusCode(200)
                .body("state", equalTo("IN_EVALUATION"))
                .body("clockStopped", equalTo(false))
                .body("clockStoppedDays", equalTo(10))
                .body("dueDate", equalTo(admissibleOn.plusDays(190).toString()));

        fixture.decide(id, Map.of("outcome", "EXTENSION")).statusCode(400)
                .body("errors.field", contains("reason"));
        fixture.decide(id, Map.of("outcome", "EXTENSION", "reason", "budget impact model needs an expert opinion"))
                .statusCode(200)
                .body("evaluationDays", equalTo(270))
                .body("dueDate", equalTo(admissibleOn.plusDays(280).toString()));
        fixture.decide(id, Map.of("outcome", "EXTENSION", "reason", "once more")).statusCode(409)
                .body("currentState", equalTo("IN_EVALUATION"));

        clock.advance(Duration.ofDays(245));
        fixture.read(id).body("overdue", equalTo(false)).body("daysRemaining", equalTo(5));
        clock.advance(Duration.ofDays(6));
        fixture.read(id).body("overdue", equalTo(true)).body("daysRemaining", equalTo(-1));

        fixture.decide(id, Map.of("outcome", "APPROVED_TEMPORARY", "nomenclatureCode", "789012")).statusCode(400)
                .body("errors.field", containsInAnyOrder("amount", "unit", "startDate", "endDate"));
        LocalDate start = fixture.today();
        LocalDate end = start.plusDays(365);
        fixture.decide(id, M3Fixtures.temporary(start, end)).statusCode(200)
                .body("state", equalTo("APPROVED_TEMPORARY"))
                .body("currentStep", nullValue())
                .body("grant.nomenclatureCode", equalTo("789012"))
                .body("grant.endDate", equalTo(end.toString()))
                .body("decidedBy", equalTo("nina"))
                .body("decisionReason", equalTo("temporary reimbursement under nomenclature code 789012"));

        TopicReader.Event granted = TopicReader.await(EventType.M3_GRANTED, appId);
        assertThat(granted.key()).isEqualTo(appId.toString());
        assertThat(granted.ceType()).isEqualTo("be.mhealth.pyramid.m3.granted.v1");
        assertThat(granted.header("ce_subject")).isEqualTo(appId.toString());
        assertThat(granted.header("ce_source")).isEqualTo("/m3-reimbursement-service");
        assertThat(granted.header("ce_id")).isNotBlank();
        assertThat(granted.header("ce_specversion")).isEqualTo("1.0");
        M3Events.M3Granted grant = granted.payload(M3Events.M3Granted.class);
        assertThat(grant.kind()).isEqualTo(M3Events.ReimbursementKind.TEMPORARY);
        assertThat(grant.dossierId()).isEqualTo(id);
        assertThat(grant.nomenclatureCode()).isEqualTo("789012");
        assertThat(grant.amount()).isEqualByComparingTo(new BigDecimal("25.50"));
        assertThat(grant.unit()).isEqualTo("PER_PATIENT_PER_MONTH");
        assertThat(grant.startDate()).isEqualTo(start);
        assertThat(grant.endDate()).isEqualTo(end);
        assertThat(grant.decidedBy()).isEqualTo("nina");

        clock.advance(Duration.ofDays(365));
        procedureClock.run();
        fixture.read(id).body("state", equalTo("APPROVED_TEMPORARY"));
        clock.advance(Duration.ofDays(1));
        assertThat(procedureClock.run()).isPositive();
        fixture.read(id).body("state", equalTo("ENDED")).body("endedOn", equalTo(end.toString()));

        M3Events.M3Ended ended = TopicReader.await(EventType.M3_ENDED, appId).payload(M3Events.M3Ended.class);
        assertThat(ended.dossierId()).isEqualTo(id);
        assertThat(ended.endedOn()).isEqualTo(end);
        assertThat(ended.decidedBy()).isEqualTo("m3-reimbursement-service");

        given().get(DOSSIERS + "/" + id + "/history").then().statusCode(200)
                .body("items.action", contains("CREATE", "SUBMIT", "DECLARE_ADMISSIBLE", "REQUEST_CLARIFICATION",
                        "SUBMIT", "EXTEND_EVALUATION", "APPROVE_TEMPORARY", "EXPIRE"))
                .body("items[3].reason", equalTo("Which comparator arm?"))
                .body("items[3].actor", equalTo("nina"))
                .body("items[5].reason", equalTo("budget impact model needs an expert opinion"))
                .body("items[7].to", equalTo("ENDED"))
                .body("items[7].actor", equalTo("m3-reimbursement-service"));

        // Every transition, the creation included, is published: with the kind of actor, never a name.
        List<DossierEvents.DossierStateChanged> changes = Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> stateChangesOf(appId, id), c -> c.size() >= 8);
        assertThat(changes).extracting(DossierEvents.DossierStateChanged::action).containsExactly("CREATE", "SUBMIT",
                "DECLARE_ADMISSIBLE", "REQUEST_CLARIFICATION", "SUBMIT", "EXTEND_EVALUATION", "APPROVE_TEMPORARY",
                "EXPIRE");
        assertThat(changes).extracting(DossierEvents.DossierStateChanged::actedBy).containsExactly("VENDOR",
                "VENDOR", "AUTHORITY", "AUTHORITY", "VENDOR", "AUTHORITY", "AUTHORITY", "SYSTEM");
        assertThat(changes.get(0).from()).isNull();
        assertThat(changes).allSatisfy(c -> {
            assertThat(c.level()).isEqualTo(Level.M3);
            assertThat(c.organizationId()).isEqualTo("medisoft");
        });
        assertThat(TopicReader.readAll(Topic.M3_DECISIONS.topicName()).stream()
                .filter(e -> appId.toString().equals(e.key())
                        && EventType.M3_DOSSIER_STATE_CHANGED.ceType().equals(e.ceType()))
                .map(TopicReader.Event::value))
                .noneMatch(v -> v.contains("alice") || v.contains("nina"));
    }

    @Test
    void anUnansweredClarificationLapsesAndEvaluationResumes() {
        UUID id = fixture.inEvaluation(fixture.medisoftApp());
        LocalDate admissibleOn = fixture.today();
        fixture.decide(id, Map.of("outcome", "CLARIFICATION_REQUESTED", "reason", "Please send the trial protocol"))
                .statusCode(200);

        clock.advance(Duration.ofDays(30));
        procedureClock.run();
        fixture.read(id).body("state", equalTo("CLARIFICATION_REQUESTED")).body("daysRemaining", equalTo(0));

        clock.advance(Duration.ofDays(1));
        procedureClock.run();
        fixture.read(id).body("state", equalTo("IN_EVALUATION"))
                .body("clockStoppedDays", equalTo(30))
                .body("dueDate", equalTo(admissibleOn.plusDays(210).toString()));
        given().get(DOSSIERS + "/" + id + "/history").then()
                .body("items[-1].action", equalTo("LAPSE_CLARIFICATION"))
                .body("items[-1].actor", equalTo("m3-reimbursement-service"));

        actors.alice();
        given().post(DOSSIERS + "/" + id + "/submit").then().statusCode(409)
                .body("currentState", equalTo("IN_EVALUATION"));
    }

    @Test
    void aTemporaryReimbursementBecomesDefinitiveAndALaterDecisionEndsIt() {
        UUID appId = fixture.medisoftApp();
        UUID id = fixture.inEvaluation(appId);
        LocalDate today = fixture.today();
        fixture.decide(id, M3Fixtures.temporary(today, today.plusDays(90))).statusCode(200);

        fixture.decide(id, Map.of("outcome", "ADMISSIBLE")).statusCode(409)
                .contentType("application/problem+json")
                .body("currentState", equalTo("APPROVED_TEMPORARY"));
        fixture.decide(id, Map.of("outcome", "APPROVED_DEFINITIVE", "nomenclatureCode", "789013", "amount", 27,
                "unit", "PER_PATIENT_PER_MONTH", "startDate", today.plusDays(30).toString(),
                "endDate", today.plusDays(60).toString()))
                .statusCode(400).body("errors.field", contains("endDate"));
        fixture.decide(id, Map.of("outcome", "APPROVED_DEFINITIVE", "nomenclatureCode", "789013", "amount", 27,
                "unit", "PER_PATIENT_PER_MONTH", "startDate", today.plusDays(30).toString()))
                .statusCode(200).body("state", equalTo("APPROVED_DEFINITIVE"))
                .body("grant.endDate", nullValue());

        List<M3Events.M3Granted> grants = new ArrayList<>();
        TopicReader.await(Topic.M3_DECISIONS.topicName(), e -> {
            grants.clear();
            TopicReader.readAll(Topic.M3_DECISIONS.topicName()).stream()
                    .filter(r -> appId.toString().equals(r.key()) && EventType.M3_GRANTED.ceType().equals(r.ceType()))
                    .forEach(r -> grants.add(r.payload(M3Events.M3Granted.class)));
            return grants.size() == 2;
        });
        assertThat(grants).extracting(M3Events.M3Granted::kind).containsExactly(
                M3Events.ReimbursementKind.TEMPORARY, M3Events.ReimbursementKind.DEFINITIVE);
        assertThat(grants.get(1).endDate()).isNull();

        clock.advance(Duration.ofDays(120));
        procedureClock.run();
        fixture.read(id).body("state", equalTo("APPROVED_DEFINITIVE"));

        fixture.decide(id, Map.of("outcome", "END", "reason", "x")).statusCode(400)
                .body("errors.field", contains("outcome"));
        fixture.revoke(id, " ").statusCode(400).body("errors.field", contains("reason"));
        fixture.revoke(id, "replaced by a conventional care programme")
                .statusCode(200).body("state", equalTo("ENDED"))
                .body("endedOn", equalTo(fixture.today().toString()));
        M3Events.M3Ended ended = TopicReader.await(EventType.M3_ENDED, appId).payload(M3Events.M3Ended.class);
        assertThat(ended.reason()).isEqualTo("replaced by a conventional care programme");
        assertThat(ended.decidedBy()).isEqualTo("nina");
        fixture.revoke(id, "again").statusCode(409).body("currentState", equalTo("ENDED"));
        actors.alice();
        given().get(DOSSIERS + "/" + id + "/history").then().statusCode(200)
                .body("items.action", contains("CREATE", "SUBMIT", "DECLARE_ADMISSIBLE", "APPROVE_TEMPORARY",
                        "APPROVE_DEFINITIVE", "REVOKE"));
    }

    @Test
    void declinedAndInadmissibleDossiersEndTheProcedure() {
        UUID appId = fixture.medisoftApp();
        UUID declined = fixture.inEvaluation(appId);
        fixture.decide(declined, Map.of("outcome", "DECLINED", "reason", "no benefit over usual care",
                "amount", 10)).statusCode(400).body("errors.field", contains("amount"));
        String key = UUID.randomUUID().toString();
        Map<String, Object> decline = Map.of("outcome", "DECLINED", "reason", "no benefit over usual care");
        for (int attempt = 0; attempt < 2; attempt++) {
            given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(decline)
                    .post(DOSSIERS + "/" + declined + "/decision").then().statusCode(200)
                    .body("state", equalTo("DECLINED")).body("currentStep", nullValue());
        }
        // the same key for another outcome with the same reason is another request
        given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("outcome", "INADMISSIBLE", "reason", "no benefit over usual care"))
                .post(DOSSIERS + "/" + declined + "/decision").then().statusCode(422)
                .body("errors.field", contains("Idempotency-Key"));
        M3Events.M3Declined event = TopicReader.await(EventType.M3_DECLINED, appId)
                .payload(M3Events.M3Declined.class);
        assertThat(event.reason()).isEqualTo("no benefit over usual care");
        assertThat(event.dossierId()).isEqualTo(declined);
        assertThat(TopicReader.readAll(Topic.M3_DECISIONS.topicName()))
                .filteredOn(e -> appId.toString().equals(e.key()) && EventType.M3_DECLINED.ceType().equals(e.ceType()))
                .hasSize(1);

        UUID inadmissible = fixture.submitted(appId);
        fixture.decide(inadmissible, Map.of("outcome", "INADMISSIBLE")).statusCode(400)
                .body("errors.field", contains("reason"));
        fixture.decide(inadmissible, Map.of("outcome", "DECLINED", "reason", "x")).statusCode(409)
                .body("currentState", equalTo("SUBMITTED"));
        fixture.decide(inadmissible, Map.of("outcome", "INADMISSIBLE", "reason", "no study in the indication"))
                .statusCode(200).body("state", equalTo("INADMISSIBLE"));
        fixture.decide(inadmissible, Map.of("outcome", "ADMISSIBLE")).statusCode(409)
                .body("currentState", equalTo("INADMISSIBLE"));

        fixture.decide(inadmissible, Map.of("outcome", "REJECTED")).statusCode(400)
                .body("errors.field", contains("outcome"));
        fixture.decide(inadmissible, Map.of("outcome", "APPROVED_DEFINITIVE", "nomenclatureCode", "12-34",
                "amount", 27, "unit", "PER_PATIENT_PER_MONTH", "startDate", "2027-01-01")).statusCode(400)
                .body("errors.field", contains("nomenclatureCode"));
        fixture.decide(inadmissible, Map.of("reason", "no outcome")).statusCode(400)
                .body("errors.field", contains("outcome"));
    }

    @Test
    void theReviewQueueListsTheEarliestDueStepFirstAndFlagsOverdueOnes() {
        clock.advance(Duration.ofDays(-40));
        UUID overdue = fixture.submitted(fixture.medisoftApp());
        clock.advance(Duration.ofDays(40));
        UUID evaluating = fixture.inEvaluation(fixture.medisoftApp());
        UUID fresh = fixture.submitted(fixture.medisoftApp());
        UUID waiting = fixture.inEvaluation(fixture.medisoftApp());
        fixture.decide(waiting, Map.of("outcome", "CLARIFICATION_REQUESTED", "reason", "more data")).statusCode(200);

        actors.nina();
        var queue = given().get(QUEUE + "?size=100").then().statusCode(200)
                .body("items.dossierId", not(hasItem(waiting.toString())))
                .extract().jsonPath();
        List<String> ids = queue.getList("items.dossierId");
        List<String> dueDates = queue.getList("items.dueDate");
        assertThat(dueDates).isSorted();
        assertThat(ids).containsSubsequence(overdue.toString(), fresh.toString(), evaluating.toString());
        Map<String, Object> first = queue.getMap("items.find { it.dossierId == '" + overdue + "' }");
        assertThat(first).containsEntry("state", "SUBMITTED")
                .containsEntry("dueDate", fixture.today().minusDays(10).toString())
                .containsEntry("appName", Map.of("en", "Glucose coach"))
                .containsKeys("appId", "submittedAt", "waitingSince")
                .doesNotContainKeys("organizationId", "overdue");
        Map<String, Object> last = queue.getMap("items.find { it.dossierId == '" + evaluating + "' }");
        assertThat(last).containsEntry("state", "IN_EVALUATION")
                .containsEntry("dueDate", fixture.today().plusDays(180).toString());

        given().get(QUEUE + "?overdue=true&size=100").then().statusCode(200)
                .body("items.dossierId", hasItem(overdue.toString()))
                .body("items.dossierId", not(hasItem(fresh.toString())))
                .body("items.dossierId", not(hasItem(evaluating.toString())));
    }

    @Test
    void approvingAnAppThatNoLongerStandsAtM2IsRefused() {
        UUID appId = fixture.medisoftApp();
        UUID id = fixture.inEvaluation(appId);
        LocalDate today = fixture.today();
        fixture.levelChanged(appId, "medisoft", Level.M2, Level.M1);

        fixture.decide(id, M3Fixtures.temporary(today, today.plusDays(90))).statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("level-too-low"))
                .body("currentState", equalTo("M1"))
                .body("detail", containsString("M2"));
        fixture.read(id).body("state", equalTo("IN_EVALUATION")).body("grant", nullValue());
        actors.nina();
        given().get(DOSSIERS + "/" + id + "/history").then().body("items.action",
                contains("CREATE", "SUBMIT", "DECLARE_ADMISSIBLE"));
        // back at M2, the same approval passes
        fixture.levelChanged(appId, "medisoft", Level.M1, Level.M2);
        fixture.decide(id, M3Fixtures.temporary(today, today.plusDays(90))).statusCode(200)
                .body("state", equalTo("APPROVED_TEMPORARY"));
    }

    @Test
    void nihdiListsSubmittedDossiersOnly() {
        UUID draft = fixture.draft(fixture.medisoftApp());
        UUID submitted = fixture.submitted(fixture.medisoftApp());
        UUID withdrawnDraft = fixture.draft(fixture.medisoftApp());
        fixture.withdraw(withdrawnDraft, "opened by mistake").statusCode(200);

        actors.nina();
        given().get(DOSSIERS + "?size=100").then().statusCode(200)
                .body("items.id", hasItem(submitted.toString()))
                .body("items.id", not(hasItem(draft.toString())))
                .body("items.id", not(hasItem(withdrawnDraft.toString())))
                .body("size", equalTo(100));
        given().get(DOSSIERS + "?state=DRAFT&state=WITHDRAWN&size=100").then().statusCode(200)
                .body("items.id", not(hasItem(draft.toString())))
                .body("items.id", not(hasItem(withdrawnDraft.toString())));
        given().get(DOSSIERS + "/" + withdrawnDraft).then().statusCode(404);
        given().get(DOSSIERS + "/" + withdrawnDraft + "/history").then().statusCode(404);
        given().get(DOSSIERS + "/" + submitted).then().statusCode(200).body("organizationId", equalTo("medisoft"));
    }

    private static List<DossierEvents.DossierStateChanged> stateChangesOf(UUID app, UUID dossier) {
        return TopicReader.readAll(Topic.M3_DECISIONS.topicName()).stream()
                .filter(e -> app.toString().equals(e.key())
                        && EventType.M3_DOSSIER_STATE_CHANGED.ceType().equals(e.ceType()))
                .map(e -> e.payload(DossierEvents.DossierStateChanged.class))
                .filter(c -> c.dossierId().equals(dossier))
                .toList();
    }
}
