package be.mhealth.pyramid.m2.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.support.problem.RuleViolationException;
import be.mhealth.pyramid.support.problem.StateConflictException;
import be.mhealth.pyramid.support.security.Actor;

/** The aggregate: each behaviour method moves through the table and returns the line to record. */
class M2DossierTest {

    private static final Actor ALICE = new Actor("alice", "VENDOR");
    private static final Actor ERIC = new Actor("eric", "AUTHORITY");
    private static final Actor TESS = new Actor("tess", "TEST_CENTRE");
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final RiskAssessment PATIENT_APP = new RiskAssessment(true, true, false, false, false);

    private static M2Dossier opened() {
        return M2Dossier.open(UUID.randomUUID(), "medisoft", PATIENT_APP, ALICE, T0);
    }

    @Test
    void openingMakesADraftWithItsCriteriaAndACreationLine() {
        M2Dossier d = opened();
        assertThat(d.state()).isEqualTo(M2DossierState.DRAFT);
        assertThat(d.level()).isEqualTo(Level.M2);
        assertThat(d.criteria()).containsExactly(Criterion.AUTHENTICATION, Criterion.IDENTIFICATION,
                Criterion.SECURITY);
        M2DossierTransition creation = d.creation();
        assertThat(creation.from()).isNull();
        assertThat(creation.to()).isEqualTo(M2DossierState.DRAFT);
        assertThat(creation.action()).isEqualTo(M2DossierAction.CREATE);
        assertThat(creation.actedBy()).isEqualTo("VENDOR");
        assertThat(creation.reason()).isNotBlank();
    }

    @Test
    void submittedAtIsTheFirstSubmissionAndWaitingSinceTheLast() {
        M2Dossier d = opened();
        Instant first = T0.plus(1, ChronoUnit.HOURS);
        Instant again = T0.plus(3, ChronoUnit.DAYS);
        d.submit(ALICE, first);
        d.startReview(ERIC, first.plusSeconds(60));
        M2DossierTransition info = d.requestInfo("which profiles?", ERIC, first.plusSeconds(120));
        assertThat(info.to()).isEqualTo(M2DossierState.INFO_REQUESTED);
        M2DossierTransition resubmission = d.submit(ALICE, again);
        assertThat(resubmission.from()).isEqualTo(M2DossierState.INFO_REQUESTED);
        assertThat(resubmission.to()).isEqualTo(M2DossierState.IN_REVIEW);
        assertThat(d.submittedAt()).isEqualTo(first);
        assertThat(d.waitingSince()).isEqualTo(again);
    }

    @Test
    void theRiskAssessmentChangesOnlyWhileEditableAndForTheSameApp() {
        M2Dossier d = opened();
        d.revise(d.appId(), new RiskAssessment(false, false, true, false, false), T0.plusSeconds(5));
        assertThat(d.criteria()).containsExactly(Criterion.RELATIONSHIP, Criterion.SECURITY,
                Criterion.INTEROPERABILITY);
        assertThat(d.updatedAt()).isEqualTo(T0.plusSeconds(5));
        assertThatThrownBy(() -> d.revise(UUID.randomUUID(), PATIENT_APP, T0)).isInstanceOf(
                RuleViolationException.class);
        d.submit(ALICE, T0.plusSeconds(10));
        assertThatThrownBy(() -> d.revise(d.appId(), PATIENT_APP, T0.plusSeconds(20)))
                .isInstanceOfSatisfying(StateConflictException.class,
                        e -> assertThat(e.currentState()).isEqualTo("SUBMITTED"));
    }

    @Test
    void approvalNeedsEveryRequiredCriterionPassedAndKeepsTheDecision() {
        M2Dossier d = opened();
        d.submit(ALICE, T0);
        d.startReview(ERIC, T0.plusSeconds(1));
        Map<Criterion, TestOutcome> twoOfThree = Map.of(Criterion.AUTHENTICATION, TestOutcome.PASS,
                Criterion.IDENTIFICATION, TestOutcome.PASS, Criterion.SECURITY, TestOutcome.FAIL);
        assertThatThrownBy(() -> d.approve(null, twoOfThree, ERIC, T0.plusSeconds(2)))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("SECURITY (FAIL)");
        assertThat(d.state()).isEqualTo(M2DossierState.IN_REVIEW);
        M2DossierTransition approval = d.approve(null, Map.of(Criterion.AUTHENTICATION, TestOutcome.PASS,
                Criterion.IDENTIFICATION, TestOutcome.PASS, Criterion.SECURITY, TestOutcome.PASS), ERIC,
                T0.plusSeconds(3));
        assertThat(approval.to()).isEqualTo(M2DossierState.APPROVED);
        assertThat(approval.reason()).isEqualTo("approved");
        assertThat(d.decidedBy()).isEqualTo("eric");
        assertThat(d.decidedAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(d.revoke("certificate compromised", ERIC, T0.plusSeconds(4)).to())
                .isEqualTo(M2DossierState.REVOKED);
        assertThatThrownBy(() -> d.withdraw("too late", ALICE, T0.plusSeconds(5)))
                .isInstanceOf(StateConflictException.class);
    }

    @Test
    void aReassessmentKeepsTheGrantUntilConfirmedAndAClosingEndsIt() {
        Actor service = Actor.system("m2-interop-service");
        M2Dossier d = opened();
        d.submit(ALICE, T0);
        d.startReview(ERIC, T0.plusSeconds(1));
        d.approve(null, Map.of(Criterion.AUTHENTICATION, TestOutcome.PASS, Criterion.IDENTIFICATION,
                TestOutcome.PASS, Criterion.SECURITY, TestOutcome.PASS), ERIC, T0.plusSeconds(2));
        assertThatThrownBy(() -> d.confirm("nothing to confirm", ERIC, T0.plusSeconds(3)))
                .isInstanceOfSatisfying(StateConflictException.class, e -> assertThat(e.slug())
                        .isEqualTo("no-reassessment"));

        LocalDate due = LocalDate.parse("2026-05-01");
        M2DossierTransition request = d.requestReassessment("2.0", "HOSTING", due, service, T0.plusSeconds(4));
        assertThat(request.to()).isEqualTo(M2DossierState.APPROVED);
        assertThat(request.actedBy()).isEqualTo("SYSTEM");
        assertThat(d.awaitsReassessment()).isTrue();
        assertThat(d.waitingSince()).isEqualTo(T0.plusSeconds(4));
        d.requestReassessment("2.1", "HOSTING,AUTHENTICATION", due.plusDays(5), service, T0.plusSeconds(5));
        assertThat(d.reassessmentVersion()).isEqualTo("2.1");
        assertThat(d.reassessmentChanges()).isEqualTo("HOSTING,AUTHENTICATION");
        assertThat(d.reassessmentDueOn()).isEqualTo(due.plusDays(5));

        assertThat(d.confirm("still compliant", ERIC, T0.plusSeconds(6)).action()).isEqualTo(M2DossierAction.CONFIRM);
        assertThat(d.awaitsReassessment()).isFalse();
        assertThat(d.reassessmentVersion()).isNull();
        assertThat(d.decidedAt()).isEqualTo(T0.plusSeconds(6));

        d.requestReassessment("3.0", "DATA_FLOWS", due, service, T0.plusSeconds(7));
        M2DossierTransition close = d.close(service, T0.plusSeconds(8));
        assertThat(close.from()).isEqualTo(M2DossierState.APPROVED);
        assertThat(close.to()).isEqualTo(M2DossierState.CLOSED);
        assertThat(d.reassessmentDueOn()).isNull();
        assertThat(d.awaitsReassessment()).isFalse();
    }

    @Test
    void aTestResultOnlyWhileSubmittedOrInReviewAndALaterOneSupersedesTheCurrent() {
        M2Dossier d = opened();
        LocalDate day = LocalDate.of(2026, 2, 20);
        TestResult.Finding fail = new TestResult.Finding(Criterion.SECURITY, TestOutcome.FAIL, " Lab ", day, "R-1");
        assertThatThrownBy(() -> d.recordTestResult(fail, null, TESS, T0))
                .isInstanceOfSatisfying(StateConflictException.class,
                        e -> assertThat(e.currentState()).isEqualTo("DRAFT"));
        d.submit(ALICE, T0);
        TestResult first = d.recordTestResult(fail, null, TESS, T0.plusSeconds(1));
        assertThat(first.current()).isTrue();
        assertThat(first.testCentre()).isEqualTo("Lab");
        TestResult second = d.recordTestResult(new TestResult.Finding(Criterion.SECURITY, TestOutcome.PASS, "Lab",
                day.plusDays(1), "R-2"), first, TESS, T0.plusSeconds(2));
        assertThat(first.current()).isFalse();
        assertThat(first.supersededBy()).isEqualTo(second.id());
        assertThat(second.current()).isTrue();
        assertThat(second.recordedBy()).isEqualTo("tess");
    }

    @Test
    void aTestDateIsInTheFutureOnlyByTheBelgianCalendar() {
        M2Dossier d = opened();
        d.submit(ALICE, T0);
        LocalDate secondMarch = LocalDate.of(2026, 3, 2);
        TestResult.Finding tested = new TestResult.Finding(Criterion.SECURITY, TestOutcome.PASS, "Lab", secondMarch,
                "R-1");
        // 23:30 in Brussels on 1 March: 2 March is tomorrow.
        assertThatThrownBy(() -> d.recordTestResult(tested, null, TESS, Instant.parse("2026-03-01T22:30:00Z")))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("testedOn"));
        // 00:30 in Brussels on 2 March, still 1 March in UTC: today.
        assertThat(d.recordTestResult(tested, null, TESS, Instant.parse("2026-03-01T23:30:00Z")).current()).isTrue();
    }
}
