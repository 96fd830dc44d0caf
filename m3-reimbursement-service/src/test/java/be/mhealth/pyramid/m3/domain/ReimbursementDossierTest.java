package be.mhealth.pyramid.m3.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.support.problem.Problem;
import be.mhealth.pyramid.support.problem.RuleViolationException;
import be.mhealth.pyramid.support.problem.StateConflictException;

/** The procedure's state machine and clocks, without a database: days are moved by hand. */
class ReimbursementDossierTest {

    private static final LocalDate DAY0 = LocalDate.of(2026, 1, 5);

    static Now day(int n) {
        LocalDate date = DAY0.plusDays(n);
        return new Now(date.atTime(10, 0).toInstant(ZoneOffset.UTC), date);
    }

    static DossierContent content() {
        return new DossierContent(Map.of("nl", "Diabetes zorgpad", "fr", "Trajet diabète", "en", "Diabetes pathway"),
                List.of(new Study(StudyDesign.RCT, 240, "HbA1c", "-0.5%", "10.1000/abc")),
                new BigDecimal("125000.00"), null, new BigDecimal("30.00"), FinancingUnit.PER_PATIENT_PER_MONTH, 24);
    }

    static ReimbursementDossier submittedOn(int n) {
        ReimbursementDossier d = ReimbursementDossier.draft(UUID.randomUUID(), "medisoft", content(), "alice", day(0));
        d.submit("alice", day(n));
        return d;
    }

    static ReimbursementDossier inEvaluationFrom(int n) {
        ReimbursementDossier d = submittedOn(0);
        d.decide(new Decision(Outcome.ADMISSIBLE, null, null, null, null, null, null), "nina", day(n));
        return d;
    }

    static Decision reasoned(Outcome outcome, String reason) {
        return new Decision(outcome, reason, null, null, null, null, null);
    }

    static Decision temporary(LocalDate start, LocalDate end) {
        return new Decision(Outcome.APPROVED_TEMPORARY, null, "789012", new BigDecimal("25.50"),
                FinancingUnit.PER_PATIENT_PER_MONTH, start, end);
    }

    static Decision definitive(LocalDate start) {
        return new Decision(Outcome.APPROVED_DEFINITIVE, null, "789013", new BigDecimal("27.00"),
                FinancingUnit.PER_PATIENT_PER_MONTH, start, null);
    }

    @Test
    void admissibilityIsDueThirtyDaysAfterSubmissionAndThenOverdue() {
        ReimbursementDossier d = submittedOn(2);

        assertThat(d.clock(DAY0.plusDays(2))).isEqualTo(
                new ClockStatus(Step.ADMISSIBILITY, DAY0.plusDays(32), false, 30, false));
        assertThat(d.clock(DAY0.plusDays(32)).overdue()).isFalse();
        assertThat(d.clock(DAY0.plusDays(33))).isEqualTo(
                new ClockStatus(Step.ADMISSIBILITY, DAY0.plusDays(32), true, -1, false));
    }

    @Test
    void evaluationRunsOneHundredEightyDaysFromAdmissibilityAndOnceTwoHundredSeventy() {
        ReimbursementDossier d = inEvaluationFrom(10);
        assertThat(d.clock(DAY0.plusDays(10)).dueDate()).isEqualTo(DAY0.plusDays(190));

        Transition extension = d.decide(reasoned(Outcome.EXTENSION, "health-economic model under review"), "nina",
                day(100));

        assertThat(extension.from()).isEqualTo(DossierState.IN_EVALUATION);
        assertThat(extension.to()).isEqualTo(DossierState.IN_EVALUATION);
        assertThat(d.evaluationDays()).isEqualTo(270);
        assertThat(d.clock(DAY0.plusDays(100)).dueDate()).isEqualTo(DAY0.plusDays(280));
        assertThatThrownBy(() -> d.decide(reasoned(Outcome.EXTENSION, "again"), "nina", day(101)))
                .isInstanceOfSatisfying(StateConflictException.class,
                        e -> assertThat(e.slug()).isEqualTo("extension-used"));
    }

    @Test
    void clarificationStopsTheEvaluationClockUntilTheVendorAnswers() {
        ReimbursementDossier d = inEvaluationFrom(0);
        d.decide(reasoned(Outcome.CLARIFICATION_REQUESTED, "which comparator?"), "nina", day(50));

        assertThat(d.clock(DAY0.plusDays(60))).isEqualTo(
                new ClockStatus(Step.CLARIFICATION, DAY0.plusDays(80), false, 20, true));
        assertThat(d.evaluationDueDate(DAY0.plusDays(60))).isEqualTo(DAY0.plusDays(190));

        d.update(content(), "alice", day(61));
        Transition answer = d.submit("alice", day(62));

        assertThat(answer.to()).isEqualTo(DossierState.IN_EVALUATION);
        assertThat(d.clockStoppedDays()).isEqualTo(12);
        assertThat(d.clock(DAY0.plusDays(62)).dueDate()).isEqualTo(DAY0.plusDays(192));
    }

    @Test
    void anUnansweredClarificationLapsesAfterThirtyDaysAndTheClockResumes() {
        ReimbursementDossier d = inEvaluationFrom(0);
        d.decide(reasoned(Outcome.CLARIFICATION_REQUESTED, "which comparator?"), "nina", day(50));

        assertThat(d.lapseClarification(day(80))).isEmpty();
        Transition lapse = d.lapseClarification(day(81)).orElseThrow();

        assertThat(lapse.actor()).isEqualTo(ReimbursementDossier.SYSTEM);
        assertThat(lapse.to()).isEqualTo(DossierState.IN_EVALUATION);
        assertThat(d.clockStoppedDays()).isEqualTo(30);
        assertThat(d.clock(DAY0.plusDays(81)).dueDate()).isEqualTo(DAY0.plusDays(210));
        assertThatThrownBy(() -> d.update(content(), "alice", day(82))).isInstanceOf(StateConflictException.class);
    }

    @Test
    void temporaryReimbursementEndsAfterItsEndDateOrBecomesDefinitive() {
        ReimbursementDossier ending = inEvaluationFrom(0);
        ending.decide(temporary(DAY0.plusDays(10), DAY0.plusDays(100)), "nina", day(5));
        assertThat(ending.state()).isEqualTo(DossierState.APPROVED_TEMPORARY);
        assertThat(ending.clock(DAY0.plusDays(5)).currentStep()).isNull();

        assertThat(ending.endTemporaryReimbursement(day(100))).isEmpty();
        Transition end = ending.endTemporaryReimbursement(day(101)).orElseThrow();
        assertThat(end.to()).isEqualTo(DossierState.ENDED);
        assertThat(ending.endedOn()).isEqualTo(DAY0.plusDays(100));

        ReimbursementDossier confirmed = inEvaluationFrom(0);
        confirmed.decide(temporary(DAY0.plusDays(10), DAY0.plusDays(100)), "nina", day(5));
        confirmed.decide(definitive(DAY0.plusDays(50)), "nina", day(40));
        assertThat(confirmed.state()).isEqualTo(DossierState.APPROVED_DEFINITIVE);
        assertThat(confirmed.reimbursementEnd()).isNull();
        assertThat(confirmed.endTemporaryReimbursement(day(200))).isEmpty();

        Transition ended = confirmed.decide(reasoned(Outcome.END, "superseded by a new care programme"), "nina",
                day(300));
        assertThat(ended.to()).isEqualTo(DossierState.ENDED);
        assertThat(confirmed.endedOn()).isEqualTo(DAY0.plusDays(300));
    }

    @Test
    void eachOutcomeNamesTheFieldsItNeedsAndRefusesTheOnesItDoesNotUse() {
        ReimbursementDossier d = inEvaluationFrom(0);

        assertThatThrownBy(() -> d.decide(new Decision(Outcome.APPROVED_TEMPORARY, null, "789012", null, null,
                DAY0, null), "nina", day(1)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.errors())
                        .extracting(Problem.FieldError::field).containsExactly("amount", "unit", "endDate"));
        assertThatThrownBy(() -> d.decide(reasoned(Outcome.DECLINED, " "), "nina", day(1)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.errors())
                        .extracting(Problem.FieldError::field).containsExactly("reason"));
        assertThatThrownBy(() -> d.decide(new Decision(Outcome.APPROVED_DEFINITIVE, null, "789012", BigDecimal.TEN,
                FinancingUnit.PER_PATIENT_ONCE, DAY0, DAY0.plusDays(9)), "nina", day(1)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.errors())
                        .extracting(Problem.FieldError::message).containsExactly("not used by outcome APPROVED_DEFINITIVE"));
        assertThatThrownBy(() -> d.decide(temporary(DAY0.plusDays(9), DAY0.plusDays(9)), "nina", day(1)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.errors())
                        .extracting(Problem.FieldError::field).containsExactly("endDate"));
        assertThat(d.state()).isEqualTo(DossierState.IN_EVALUATION);
    }

    @Test
    void illegalStepsNameTheCurrentState() {
        ReimbursementDossier draft = ReimbursementDossier.draft(UUID.randomUUID(), "medisoft", content(), "alice",
                day(0));
        assertThatThrownBy(() -> draft.decide(reasoned(Outcome.ADMISSIBLE, null), "nina", day(1)))
                .isInstanceOfSatisfying(StateConflictException.class,
                        e -> assertThat(e.currentState()).isEqualTo("DRAFT"));

        ReimbursementDossier submitted = submittedOn(0);
        assertThatThrownBy(() -> submitted.decide(definitive(DAY0), "nina", day(1)))
                .isInstanceOfSatisfying(StateConflictException.class,
                        e -> assertThat(e.currentState()).isEqualTo("SUBMITTED"));
        assertThatThrownBy(() -> submitted.update(content(), "alice", day(1)))
                .isInstanceOf(StateConflictException.class);

        submitted.decide(reasoned(Outcome.INADMISSIBLE, "no clinical study on Belgian patients"), "nina", day(3));
        assertThat(submitted.state()).isEqualTo(DossierState.INADMISSIBLE);
        assertThat(submitted.clock(DAY0.plusDays(3)).currentStep()).isNull();
        assertThatThrownBy(() -> submitted.withdraw(null, "alice", day(4)))
                .isInstanceOfSatisfying(StateConflictException.class,
                        e -> assertThat(e.currentState()).isEqualTo("INADMISSIBLE"));
    }

    @Test
    void theVendorMayWithdrawUntilNihdiDecides() {
        ReimbursementDossier d = inEvaluationFrom(0);
        Transition withdrawal = d.withdraw(null, "alice", day(20));

        assertThat(withdrawal).isEqualTo(new Transition("WITHDRAW", DossierState.IN_EVALUATION,
                DossierState.WITHDRAWN, "alice", day(20).instant(), "withdrawn by the vendor"));
        assertThat(d.clock(DAY0.plusDays(20)).currentStep()).isNull();

        ReimbursementDossier declined = inEvaluationFrom(0);
        declined.decide(reasoned(Outcome.DECLINED, "no proven benefit"), "nina", day(30));
        assertThatThrownBy(() -> declined.withdraw("too late", "alice", day(31)))
                .isInstanceOf(StateConflictException.class);
    }

    @Test
    void theCarePathwayNeedsDutchFrenchAndEnglish() {
        assertThatThrownBy(() -> new DossierContent(Map.of("nl", "x", "en", " ", "es", "y"), List.of(),
                BigDecimal.ZERO, null, BigDecimal.ONE, FinancingUnit.PER_PATIENT_ONCE, 1))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.errors())
                        .extracting(Problem.FieldError::field)
                        .containsExactly("carePathway.en", "carePathway.fr", "carePathway.es"));
        assertThat(new DossierContent(Map.of("nl", "x", "fr", "y", "en", "z", "de", "w"), List.of(),
                BigDecimal.ZERO, null, BigDecimal.ONE, FinancingUnit.PER_PATIENT_ONCE, 1).carePathway()).hasSize(4);
    }

    @Test
    void historyEntriesCarryWhoWhenAndWhy() {
        ReimbursementDossier d = submittedOn(1);
        Instant at = day(2).instant();

        Transition t = d.decide(reasoned(Outcome.ADMISSIBLE, null), "nina", day(2));

        assertThat(t).isEqualTo(new Transition("ADMISSIBLE", DossierState.SUBMITTED, DossierState.IN_EVALUATION,
                "nina", at, "admissible; evaluation due within 180 days"));
        assertThat(d.creation().actor()).isEqualTo("alice");
        assertThat(d.updatedAt()).isEqualTo(at);
    }
}
