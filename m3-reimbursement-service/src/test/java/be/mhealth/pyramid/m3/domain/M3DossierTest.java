package be.mhealth.pyramid.m3.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.DossierEvents.ActedBy;
import be.mhealth.pyramid.support.problem.RuleViolationException;
import be.mhealth.pyramid.support.problem.StateConflictException;
import be.mhealth.pyramid.support.security.Actor;

/** The aggregate: its lines, its clocks with their stops, without a database (days are moved by hand). */
class M3DossierTest {

    private static final LocalDate DAY0 = LocalDate.of(2026, 1, 5);
    private static final Actor ALICE = new Actor("alice", ActedBy.VENDOR);
    private static final Actor NINA = new Actor("nina", ActedBy.AUTHORITY);
    private static final Actor JOB = Actor.system("m3-reimbursement-service");

    static Now day(int n) {
        LocalDate date = DAY0.plusDays(n);
        return new Now(date.atTime(10, 0).toInstant(ZoneOffset.UTC), date);
    }

    static M3Evidence evidence() {
        return new M3Evidence(Map.of("nl", "Diabetes zorgpad", "fr", "Trajet diabète", "en", "Diabetes pathway"),
                List.of(new Study(StudyDesign.RCT, 240, "HbA1c", "-0.5%", "10.1000/abc")),
                new BigDecimal("125000.00"), null, new BigDecimal("30.00"), FinancingUnit.PER_PATIENT_PER_MONTH, 24);
    }

    static M3Dossier draft() {
        return M3Dossier.open(UUID.randomUUID(), "medisoft", evidence(), ALICE, day(0));
    }

    static M3Dossier submittedOn(int n) {
        M3Dossier d = draft();
        d.submit(ALICE, day(n));
        return d;
    }

    static M3Dossier inEvaluationFrom(int n) {
        M3Dossier d = submittedOn(0);
        d.declareAdmissible(null, NINA, day(n));
        return d;
    }

    static Grant temporary(LocalDate start, LocalDate end) {
        return new Grant("789012", new BigDecimal("25.50"), FinancingUnit.PER_PATIENT_PER_MONTH, start, end);
    }

    static Grant definitive(LocalDate start) {
        return new Grant("789013", new BigDecimal("27.00"), FinancingUnit.PER_PATIENT_PER_MONTH, start, null);
    }

    @Test
    void theCreationIsTheFirstLineByTheVendor() {
        M3Dossier d = draft();
        M3DossierTransition creation = d.creation();

        assertThat(creation.from()).isNull();
        assertThat(creation.to()).isEqualTo(M3DossierState.DRAFT);
        assertThat(creation.action()).isEqualTo(M3DossierAction.CREATE);
        assertThat(creation.actor()).isEqualTo("alice");
        assertThat(creation.actedBy()).isEqualTo(ActedBy.VENDOR);
        assertThat(creation.dossierId()).isEqualTo(d.id());
        assertThat(d.evaluationDays()).isEqualTo(180);
    }

    @Test
    void admissibilityIsDueThirtyDaysAfterSubmissionAndThenOverdue() {
        M3Dossier d = submittedOn(2);

        assertThat(d.clock(DAY0.plusDays(2))).isEqualTo(
                new ClockStatus(Step.ADMISSIBILITY, DAY0.plusDays(32), false, 30, false));
        assertThat(d.clock(DAY0.plusDays(32)).overdue()).isFalse();
        assertThat(d.clock(DAY0.plusDays(33))).isEqualTo(
                new ClockStatus(Step.ADMISSIBILITY, DAY0.plusDays(32), true, -1, false));
        assertThat(d.dueOn()).isEqualTo(DAY0.plusDays(32));
        assertThat(d.submittedAt()).isEqualTo(day(2).instant()).isEqualTo(d.waitingSince());
    }

    @Test
    void evaluationRunsOneHundredEightyDaysFromAdmissibilityAndOnceTwoHundredSeventy() {
        M3Dossier d = inEvaluationFrom(10);
        assertThat(d.clock(DAY0.plusDays(10)).dueDate()).isEqualTo(DAY0.plusDays(190));

        M3DossierTransition extension = d.extendEvaluation("health-economic model under review", NINA, day(100));

        assertThat(extension.from()).isEqualTo(M3DossierState.IN_EVALUATION);
        assertThat(extension.to()).isEqualTo(M3DossierState.IN_EVALUATION);
        assertThat(extension.action()).isEqualTo(M3DossierAction.EXTEND_EVALUATION);
        assertThat(d.evaluationDays()).isEqualTo(270);
        assertThat(d.clock(DAY0.plusDays(100)).dueDate()).isEqualTo(DAY0.plusDays(280));
        assertThatThrownBy(() -> d.extendEvaluation("again", NINA, day(101)))
                .isInstanceOfSatisfying(StateConflictException.class,
                        e -> assertThat(e.slug()).isEqualTo("extension-used"));
    }

    @Test
    void clarificationStopsTheEvaluationClockUntilTheVendorAnswers() {
        M3Dossier d = inEvaluationFrom(0);
        d.requestClarification("which comparator?", NINA, day(50));

        assertThat(d.clock(DAY0.plusDays(60))).isEqualTo(
                new ClockStatus(Step.CLARIFICATION, DAY0.plusDays(80), false, 20, true));
        assertThat(d.evaluationDueDate(DAY0.plusDays(60))).isEqualTo(DAY0.plusDays(190));

        d.revise(d.appId(), evidence(), day(61));
        M3DossierTransition answer = d.submit(ALICE, day(62));

        assertThat(answer.to()).isEqualTo(M3DossierState.IN_EVALUATION);
        assertThat(answer.action()).isEqualTo(M3DossierAction.SUBMIT);
        assertThat(d.clockStoppedDays()).isEqualTo(12);
        assertThat(d.clock(DAY0.plusDays(62)).dueDate()).isEqualTo(DAY0.plusDays(192));
        assertThat(d.submittedAt()).isEqualTo(day(0).instant());
        assertThat(d.waitingSince()).isEqualTo(day(62).instant());
    }

    @Test
    void anUnansweredClarificationLapsesAfterThirtyDaysAndTheClockResumes() {
        M3Dossier d = inEvaluationFrom(0);
        d.requestClarification("which comparator?", NINA, day(50));

        assertThat(d.clarificationLapsed(DAY0.plusDays(80))).isFalse();
        assertThatThrownBy(() -> d.lapseClarification(JOB, day(80))).isInstanceOf(StateConflictException.class);
        assertThat(d.clarificationLapsed(DAY0.plusDays(81))).isTrue();
        M3DossierTransition lapse = d.lapseClarification(JOB, day(81));

        assertThat(lapse.actor()).isEqualTo("m3-reimbursement-service");
        assertThat(lapse.actedBy()).isEqualTo(ActedBy.SYSTEM);
        assertThat(lapse.to()).isEqualTo(M3DossierState.IN_EVALUATION);
        assertThat(d.clockStoppedDays()).isEqualTo(30);
        assertThat(d.clock(DAY0.plusDays(81)).dueDate()).isEqualTo(DAY0.plusDays(210));
        assertThatThrownBy(() -> d.revise(d.appId(), evidence(), day(82))).isInstanceOf(StateConflictException.class);
    }

    @Test
    void temporaryReimbursementExpiresAfterItsEndDateOrBecomesDefinitive() {
        M3Dossier expiring = inEvaluationFrom(0);
        M3DossierTransition approval = expiring.approveTemporary(temporary(DAY0.plusDays(10), DAY0.plusDays(100)),
                null, NINA, day(5));
        assertThat(approval.reason()).isEqualTo("temporary reimbursement under nomenclature code 789012");
        assertThat(expiring.decidedBy()).isEqualTo("nina");
        assertThat(expiring.decisionReason()).as("the decision's reason, as M1 and M2 keep it")
                .isEqualTo(approval.reason());
        assertThat(expiring.clock(DAY0.plusDays(5)).currentStep()).isNull();

        assertThat(expiring.temporaryReimbursementOver(DAY0.plusDays(100))).isFalse();
        M3DossierTransition end = expiring.expire(JOB, day(101));
        assertThat(end.to()).isEqualTo(M3DossierState.ENDED);
        assertThat(end.action()).isEqualTo(M3DossierAction.EXPIRE);
        assertThat(expiring.endedOn()).isEqualTo(DAY0.plusDays(100));

        M3Dossier confirmed = inEvaluationFrom(0);
        confirmed.approveTemporary(temporary(DAY0.plusDays(10), DAY0.plusDays(100)), null, NINA, day(5));
        confirmed.approveDefinitive(definitive(DAY0.plusDays(50)), null, NINA, day(40));
        assertThat(confirmed.state()).isEqualTo(M3DossierState.APPROVED_DEFINITIVE);
        assertThat(confirmed.grant().endDate()).isNull();
        assertThat(confirmed.temporaryReimbursementOver(DAY0.plusDays(200))).isFalse();

        M3DossierTransition revoked = confirmed.revoke("superseded by a new care programme", NINA, day(300));
        assertThat(revoked.to()).isEqualTo(M3DossierState.ENDED);
        assertThat(revoked.action()).isEqualTo(M3DossierAction.REVOKE);
        assertThat(confirmed.endedOn()).isEqualTo(DAY0.plusDays(300));
    }

    @Test
    void leavingTheMarketClosesAnOpenDossierOrAReimbursementAndStopsTheClocks() {
        M3Dossier waiting = inEvaluationFrom(0);
        waiting.requestClarification("which population?", NINA, day(10));
        M3DossierTransition closed = waiting.close(JOB, day(20));
        assertThat(closed.from()).isEqualTo(M3DossierState.CLARIFICATION_REQUESTED);
        assertThat(closed.to()).isEqualTo(M3DossierState.CLOSED);
        assertThat(closed.action()).isEqualTo(M3DossierAction.CLOSE);
        assertThat(closed.reason()).isEqualTo("the vendor took the app off the market");
        assertThat(waiting.clock(DAY0.plusDays(60)).currentStep()).isNull();
        assertThat(waiting.dueOn()).isNull();
        assertThat(waiting.clarificationLapsed(DAY0.plusDays(60))).isFalse();
        assertThat(waiting.endedOn()).isNull();

        M3Dossier reimbursed = inEvaluationFrom(0);
        reimbursed.approveTemporary(temporary(DAY0.plusDays(10), DAY0.plusDays(100)), null, NINA, day(5));
        reimbursed.close(JOB, day(50));
        assertThat(reimbursed.state()).isEqualTo(M3DossierState.CLOSED);
        assertThat(reimbursed.endedOn()).isEqualTo(DAY0.plusDays(50));
        assertThat(reimbursed.decidedBy()).as("closing is not NIHDI's decision").isEqualTo("nina");
        assertThat(reimbursed.temporaryReimbursementOver(DAY0.plusDays(200))).isFalse();
        assertThatThrownBy(() -> reimbursed.close(JOB, day(51))).isInstanceOf(StateConflictException.class);
    }

    @Test
    void theAggregateChecksTheRulesItselfAndChangesNothingWhenThemFail() {
        M3Dossier d = inEvaluationFrom(0);

        assertThatThrownBy(() -> d.approveTemporary(new Grant("789012", null, null, DAY0, null), null, NINA, day(1)))
                .isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> d.decline(" ", NINA, day(1))).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> d.approveDefinitive(new Grant("789012", BigDecimal.TEN,
                FinancingUnit.PER_PATIENT_ONCE, DAY0, DAY0.plusDays(9)), null, NINA, day(1)))
                .isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> d.withdraw(null, ALICE, day(1))).isInstanceOf(RuleViolationException.class);
        assertThat(d.state()).isEqualTo(M3DossierState.IN_EVALUATION);
        assertThat(d.grant()).isNull();
    }

    @Test
    void illegalStepsNameTheCurrentState() {
        M3Dossier draft = draft();
        assertThatThrownBy(() -> draft.declareAdmissible(null, NINA, day(1)))
                .isInstanceOfSatisfying(StateConflictException.class,
                        e -> assertThat(e.currentState()).isEqualTo("DRAFT"));

        M3Dossier submitted = submittedOn(0);
        assertThatThrownBy(() -> submitted.approveDefinitive(definitive(DAY0), null, NINA, day(1)))
                .isInstanceOfSatisfying(StateConflictException.class,
                        e -> assertThat(e.currentState()).isEqualTo("SUBMITTED"));
        assertThatThrownBy(() -> submitted.revise(submitted.appId(), evidence(), day(1)))
                .isInstanceOf(StateConflictException.class);

        submitted.declareInadmissible("no clinical study on Belgian patients", NINA, day(3));
        assertThat(submitted.state()).isEqualTo(M3DossierState.INADMISSIBLE);
        assertThat(submitted.clock(DAY0.plusDays(3)).currentStep()).isNull();
        assertThatThrownBy(() -> submitted.withdraw("too late", ALICE, day(4)))
                .isInstanceOfSatisfying(StateConflictException.class,
                        e -> assertThat(e.currentState()).isEqualTo("INADMISSIBLE"));
    }

    @Test
    void theVendorWithdrawsUntilNihdiDecidesAndTheAppNeverChanges() {
        M3Dossier d = inEvaluationFrom(0);
        assertThatThrownBy(() -> d.requestClarification(null, NINA, day(1))).isInstanceOf(RuleViolationException.class);
        M3DossierTransition withdrawal = d.withdraw("new study under way", ALICE, day(20));

        assertThat(withdrawal.from()).isEqualTo(M3DossierState.IN_EVALUATION);
        assertThat(withdrawal.to()).isEqualTo(M3DossierState.WITHDRAWN);
        assertThat(withdrawal.reason()).isEqualTo("new study under way");
        assertThat(withdrawal.at()).isEqualTo(day(20).instant());
        assertThat(d.clock(DAY0.plusDays(20)).currentStep()).isNull();

        M3Dossier other = draft();
        assertThatThrownBy(() -> other.revise(UUID.randomUUID(), evidence(), day(1)))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.errors().getFirst().field()).isEqualTo("appId"));
    }
}
