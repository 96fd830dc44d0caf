package be.mhealth.pyramid.m3.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import be.mhealth.pyramid.events.DossierEvents.ActedBy;
import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.support.dossier.LevelDossier;
import be.mhealth.pyramid.support.problem.RuleViolationException;
import be.mhealth.pyramid.support.problem.StateConflictException;
import be.mhealth.pyramid.support.security.Actor;

/**
 * A vendor's M3 (reimbursement) dossier for one app: its evidence, where NIHDI's procedure stands and its statutory
 * clocks. It changes only through its behaviour methods; each transition goes through {@link M3Lifecycle} (409
 * otherwise), checks {@link M3Rules}, and returns the history line that the service records.
 *
 * <p>Clocks count calendar days in NIHDI's zone ({@link Now#today()}): admissibility is due 30 days after submission;
 * the evaluation {@code evaluationDays} (180, or 270 once extended) after admissibility plus every day a clarification
 * request stood open. A request unanswered after 30 days lapses: the clock job puts the dossier back in evaluation
 * with 30 stopped days. {@link #clock(LocalDate)} is where the running step stands ({@link ClockStatus}).
 */
@Entity
@Table(name = "dossier")
public class M3Dossier implements LevelDossier {

    @Id
    private UUID id;

    @Column(name = "app_id", nullable = false, updatable = false)
    private UUID appId;

    @Column(name = "organization_id", nullable = false, updatable = false)
    private String organizationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private M3DossierState state;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "care_pathway", nullable = false)
    private Map<String, String> carePathway;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "clinical_evidence", nullable = false)
    private List<Study> clinicalEvidence;

    @Column(name = "budget_impact_per_year", nullable = false)
    private BigDecimal budgetImpactPerYear;

    @Column(name = "cost_effectiveness")
    private String costEffectiveness;

    @Column(name = "requested_amount", nullable = false)
    private BigDecimal requestedAmount;

    @Enumerated(EnumType.STRING)
    @Column(name = "requested_unit", nullable = false)
    private FinancingUnit requestedUnit;

    @Column(name = "requested_months", nullable = false)
    private int requestedMonths;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** The first submission; from then on NIHDI may see the dossier. */
    @Column(name = "submitted_at")
    private Instant submittedAt;

    /** The last time the dossier came (back) to NIHDI: submission, answer or lapse of a clarification request. */
    @Column(name = "waiting_since")
    private Instant waitingSince;

    // ---- the statutory clocks, in calendar days ----

    @Column(name = "submitted_on")
    private LocalDate submittedOn;

    @Column(name = "evaluation_started_on")
    private LocalDate evaluationStartedOn;

    @Column(name = "evaluation_days", nullable = false)
    private int evaluationDays;

    @Column(name = "clock_stopped_days", nullable = false)
    private int clockStoppedDays;

    @Column(name = "clarification_requested_on")
    private LocalDate clarificationRequestedOn;

    /** The running step's due date (the queue's order); null when no step runs. */
    @Column(name = "due_on")
    private LocalDate dueOn;

    // ---- the decision ----

    @Column(name = "nomenclature_code")
    private String nomenclatureCode;

    @Column(name = "granted_amount")
    private BigDecimal grantedAmount;

    @Enumerated(EnumType.STRING)
    @Column(name = "granted_unit")
    private FinancingUnit grantedUnit;

    @Column(name = "reimbursement_start")
    private LocalDate reimbursementStart;

    @Column(name = "reimbursement_end")
    private LocalDate reimbursementEnd;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_reason")
    private String decisionReason;

    @Column(name = "ended_on")
    private LocalDate endedOn;

    @Version
    @Column(nullable = false)
    private long version;

    protected M3Dossier() {
    }

    /** A new DRAFT with valid evidence (422 otherwise); its {@link #creation()} is the first history line. */
    public static M3Dossier open(UUID appId, String organizationId, M3Evidence evidence, Actor by, Now now) {
        M3Rules.requireValidEvidence(evidence);
        M3Dossier dossier = new M3Dossier();
        dossier.id = UUID.randomUUID();
        dossier.appId = appId;
        dossier.organizationId = organizationId;
        dossier.state = M3Lifecycle.TABLE.initial();
        dossier.evaluationDays = M3Rules.EVALUATION_DAYS;
        dossier.setEvidence(evidence);
        dossier.createdBy = by.name();
        dossier.createdAt = now.instant();
        dossier.updatedAt = now.instant();
        return dossier;
    }

    /** The history line of {@link #open}: vendors open dossiers. */
    public M3DossierTransition creation() {
        return M3DossierTransition.of(id, null, state, M3Lifecycle.TABLE.creation(),
                new Actor(createdBy, ActedBy.VENDOR), "dossier opened", createdAt);
    }

    /**
     * Replaces the evidence while DRAFT or CLARIFICATION_REQUESTED (409 otherwise); not a transition. The dossier
     * stays for its app (422 {@code appId} for another).
     */
    public void revise(UUID forApp, M3Evidence evidence, Now now) {
        if (!state.editable()) {
            throw new StateConflictException("illegal-transition", "cannot update a dossier in state " + state
                    + "; only DRAFT or CLARIFICATION_REQUESTED", state.name());
        }
        if (!appId.equals(forApp)) {
            throw new RuleViolationException("appId", "cannot change; this dossier is for app " + appId);
        }
        M3Rules.requireValidEvidence(evidence);
        setEvidence(evidence);
        updatedAt = now.instant();
    }

    /** DRAFT → SUBMITTED (the admissibility clock starts), or CLARIFICATION_REQUESTED → IN_EVALUATION (it resumes). */
    public M3DossierTransition submit(Actor by, Now now) {
        M3DossierState to = M3Lifecycle.TABLE.require(state, M3DossierAction.SUBMIT);
        String reason;
        if (state == M3DossierState.DRAFT) {
            submittedAt = now.instant();
            submittedOn = now.today();
            reason = "submitted; admissibility due within " + M3Rules.ADMISSIBILITY_DAYS + " days";
        } else {
            int stopped = (int) Math.min(ChronoUnit.DAYS.between(clarificationRequestedOn, now.today()),
                    M3Rules.CLARIFICATION_MAX_DAYS);
            resumeEvaluation(stopped);
            reason = "clarification answered; the evaluation clock resumes after " + stopped + " stopped days";
        }
        waitingSince = now.instant();
        return move(M3DossierAction.SUBMIT, to, by, reason, now);
    }

    /** The vendor withdraws a dossier NIHDI has not decided; the reason is required. */
    public M3DossierTransition withdraw(String reason, Actor by, Now now) {
        M3DossierState to = M3Lifecycle.TABLE.require(state, M3DossierAction.WITHDRAW);
        M3Rules.requireReason(reason);
        clarificationRequestedOn = null;
        return move(M3DossierAction.WITHDRAW, to, by, reason, now);
    }

    /** SUBMITTED → IN_EVALUATION: the evaluation clock starts. */
    public M3DossierTransition declareAdmissible(String reason, Actor by, Now now) {
        M3DossierState to = M3Lifecycle.TABLE.require(state, M3DossierAction.DECLARE_ADMISSIBLE);
        evaluationStartedOn = now.today();
        return move(M3DossierAction.DECLARE_ADMISSIBLE, to, by, orDefault(reason, "admissible; evaluation due within "
                + M3Rules.EVALUATION_DAYS + " days"), now);
    }

    /** SUBMITTED → INADMISSIBLE, with a reason. */
    public M3DossierTransition declareInadmissible(String reason, Actor by, Now now) {
        M3DossierState to = M3Lifecycle.TABLE.require(state, M3DossierAction.DECLARE_INADMISSIBLE);
        M3Rules.requireReason(reason);
        return decided(M3DossierAction.DECLARE_INADMISSIBLE, to, by, reason, now);
    }

    /** The evaluation runs 270 days instead of 180, once (409 {@code extension-used} after). */
    public M3DossierTransition extendEvaluation(String reason, Actor by, Now now) {
        M3DossierState to = M3Lifecycle.TABLE.require(state, M3DossierAction.EXTEND_EVALUATION);
        M3Rules.requireExtensible(evaluationDays, state);
        M3Rules.requireReason(reason);
        evaluationDays = M3Rules.EXTENDED_EVALUATION_DAYS;
        return move(M3DossierAction.EXTEND_EVALUATION, to, by, reason, now);
    }

    /** IN_EVALUATION → CLARIFICATION_REQUESTED: the evaluation clock stops (at most 30 days). */
    public M3DossierTransition requestClarification(String question, Actor by, Now now) {
        M3DossierState to = M3Lifecycle.TABLE.require(state, M3DossierAction.REQUEST_CLARIFICATION);
        M3Rules.requireReason(question);
        clarificationRequestedOn = now.today();
        return move(M3DossierAction.REQUEST_CLARIFICATION, to, by, question, now);
    }

    /** IN_EVALUATION → APPROVED_TEMPORARY ("M3 light"), with an end date. */
    public M3DossierTransition approveTemporary(Grant grant, String reason, Actor by, Now now) {
        return approve(M3DossierAction.APPROVE_TEMPORARY, grant, true, reason, by, now);
    }

    /** IN_EVALUATION or APPROVED_TEMPORARY → APPROVED_DEFINITIVE ("M3 plus"), without an end date. */
    public M3DossierTransition approveDefinitive(Grant grant, String reason, Actor by, Now now) {
        return approve(M3DossierAction.APPROVE_DEFINITIVE, grant, false, reason, by, now);
    }

    /** IN_EVALUATION → DECLINED, with a reason. */
    public M3DossierTransition decline(String reason, Actor by, Now now) {
        M3DossierState to = M3Lifecycle.TABLE.require(state, M3DossierAction.DECLINE);
        M3Rules.requireReason(reason);
        return decided(M3DossierAction.DECLINE, to, by, reason, now);
    }

    /** APPROVED_* → ENDED today: NIHDI ends the reimbursement by a later decision. */
    public M3DossierTransition revoke(String reason, Actor by, Now now) {
        M3DossierState to = M3Lifecycle.TABLE.require(state, M3DossierAction.REVOKE);
        M3Rules.requireReason(reason);
        endedOn = now.today();
        return decided(M3DossierAction.REVOKE, to, by, reason, now);
    }

    /** The clock job: is a clarification request unanswered for more than 30 days? */
    public boolean clarificationLapsed(LocalDate today) {
        return state == M3DossierState.CLARIFICATION_REQUESTED && today.isAfter(clarificationDueOn());
    }

    /** CLARIFICATION_REQUESTED → IN_EVALUATION with 30 stopped days (the clock job), once it lapsed. */
    public M3DossierTransition lapseClarification(Actor by, Now now) {
        M3DossierState to = M3Lifecycle.TABLE.require(state, M3DossierAction.LAPSE_CLARIFICATION);
        if (!clarificationLapsed(now.today())) {
            throw new StateConflictException("not-lapsed", "the clarification request is open until "
                    + clarificationDueOn(), state.name());
        }
        resumeEvaluation(M3Rules.CLARIFICATION_MAX_DAYS);
        waitingSince = now.instant();
        return move(M3DossierAction.LAPSE_CLARIFICATION, to, by, "no answer within " + M3Rules.CLARIFICATION_MAX_DAYS
                + " days: the request lapsed and the evaluation clock resumed", now);
    }

    /** The clock job: has a temporary reimbursement passed its end date (its last reimbursed day)? */
    public boolean temporaryReimbursementOver(LocalDate today) {
        return state == M3DossierState.APPROVED_TEMPORARY && today.isAfter(reimbursementEnd);
    }

    /** APPROVED_TEMPORARY → ENDED the day after its end date (the clock job). */
    public M3DossierTransition expire(Actor by, Now now) {
        M3DossierState to = M3Lifecycle.TABLE.require(state, M3DossierAction.EXPIRE);
        if (!temporaryReimbursementOver(now.today())) {
            throw new StateConflictException("not-lapsed", "the temporary reimbursement runs until "
                    + reimbursementEnd, state.name());
        }
        endedOn = reimbursementEnd;
        return move(M3DossierAction.EXPIRE, to, by, "the temporary reimbursement reached its end date "
                + reimbursementEnd + " without a definitive decision", now);
    }

    /**
     * The vendor took the app off the market (the service acts): an open dossier or a reimbursement closes; its
     * clocks stop, and a reimbursement ends today.
     */
    public M3DossierTransition close(Actor by, Now now) {
        M3DossierState to = M3Lifecycle.TABLE.require(state, M3DossierAction.CLOSE);
        if (state == M3DossierState.APPROVED_TEMPORARY || state == M3DossierState.APPROVED_DEFINITIVE) {
            endedOn = now.today();
        }
        clarificationRequestedOn = null;
        return move(M3DossierAction.CLOSE, to, by, "the vendor took the app off the market", now);
    }

    /** The running step's clock as of {@code today}. */
    public ClockStatus clock(LocalDate today) {
        Step step = switch (state) {
            case SUBMITTED -> Step.ADMISSIBILITY;
            case IN_EVALUATION -> Step.EVALUATION;
            case CLARIFICATION_REQUESTED -> Step.CLARIFICATION;
            default -> null;
        };
        if (step == null) {
            return ClockStatus.NONE;
        }
        LocalDate due = dueDate();
        return new ClockStatus(step, due, today.isAfter(due), (int) ChronoUnit.DAYS.between(today, due),
                step == Step.CLARIFICATION);
    }

    /** The evaluation's due date as of {@code today}: while a clarification is open, every day adds one. */
    public LocalDate evaluationDueDate(LocalDate today) {
        if (evaluationStartedOn == null) {
            return null;
        }
        LocalDate due = evaluationStartedOn.plusDays(evaluationDays + clockStoppedDays);
        if (state == M3DossierState.CLARIFICATION_REQUESTED) {
            due = due.plusDays(Math.min(ChronoUnit.DAYS.between(clarificationRequestedOn, today),
                    M3Rules.CLARIFICATION_MAX_DAYS));
        }
        return due;
    }

    private M3DossierTransition approve(M3DossierAction action, Grant grant, boolean temporary, String reason,
            Actor by, Now now) {
        M3DossierState to = M3Lifecycle.TABLE.require(state, action);
        M3Rules.requireValidGrant(grant, temporary);
        nomenclatureCode = grant.nomenclatureCode();
        grantedAmount = grant.amount();
        grantedUnit = grant.unit();
        reimbursementStart = grant.startDate();
        reimbursementEnd = grant.endDate();
        return decided(action, to, by, orDefault(reason, (temporary ? "temporary" : "definitive")
                + " reimbursement under nomenclature code " + nomenclatureCode), now);
    }

    private LocalDate dueDate() {
        return switch (state) {
            case SUBMITTED -> submittedOn.plusDays(M3Rules.ADMISSIBILITY_DAYS);
            case IN_EVALUATION -> evaluationStartedOn.plusDays(evaluationDays + clockStoppedDays);
            case CLARIFICATION_REQUESTED -> clarificationDueOn();
            default -> null;
        };
    }

    private LocalDate clarificationDueOn() {
        return clarificationRequestedOn.plusDays(M3Rules.CLARIFICATION_MAX_DAYS);
    }

    private void resumeEvaluation(int stoppedDays) {
        clockStoppedDays += stoppedDays;
        clarificationRequestedOn = null;
    }

    private M3DossierTransition decided(M3DossierAction action, M3DossierState to, Actor by, String reason,
            Now now) {
        decidedBy = by.name();
        decidedAt = now.instant();
        decisionReason = reason;
        return move(action, to, by, reason, now);
    }

    private M3DossierTransition move(M3DossierAction action, M3DossierState to, Actor by, String reason, Now now) {
        M3DossierState from = state;
        state = to;
        updatedAt = now.instant();
        dueOn = dueDate();
        return M3DossierTransition.of(id, from, to, action, by, reason, now.instant());
    }

    private void setEvidence(M3Evidence evidence) {
        carePathway = evidence.carePathway();
        clinicalEvidence = evidence.clinicalEvidence();
        budgetImpactPerYear = evidence.budgetImpactPerYear();
        costEffectiveness = evidence.costEffectiveness();
        requestedAmount = evidence.requestedAmount();
        requestedUnit = evidence.requestedUnit();
        requestedMonths = evidence.requestedMonths();
    }

    private static String orDefault(String reason, String fallback) {
        return reason == null || reason.isBlank() ? fallback : reason;
    }

    @Override
    public UUID id() {
        return id;
    }

    @Override
    public UUID appId() {
        return appId;
    }

    @Override
    public String organizationId() {
        return organizationId;
    }

    @Override
    public Level level() {
        return Level.M3;
    }

    public M3DossierState state() {
        return state;
    }

    public M3Evidence evidence() {
        return new M3Evidence(carePathway, clinicalEvidence, budgetImpactPerYear, costEffectiveness, requestedAmount,
                requestedUnit, requestedMonths);
    }

    /** What NIHDI granted; null before an approval. */
    public Grant grant() {
        return nomenclatureCode == null ? null
                : new Grant(nomenclatureCode, grantedAmount, grantedUnit, reimbursementStart, reimbursementEnd);
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Instant waitingSince() {
        return waitingSince;
    }

    /** The running step's due date as of its last move (the queue's order); null when no step runs. */
    public LocalDate dueOn() {
        return dueOn;
    }

    public LocalDate evaluationStartedOn() {
        return evaluationStartedOn;
    }

    public int evaluationDays() {
        return evaluationDays;
    }

    public int clockStoppedDays() {
        return clockStoppedDays;
    }

    public LocalDate clarificationRequestedOn() {
        return clarificationRequestedOn;
    }

    public LocalDate reimbursementEnd() {
        return reimbursementEnd;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String decisionReason() {
        return decisionReason;
    }

    public LocalDate endedOn() {
        return endedOn;
    }

    /** The optimistic-lock version; the dossier's ETag. */
    public long version() {
        return version;
    }
}
