package be.mhealth.pyramid.m3.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

import be.mhealth.pyramid.support.problem.Problem;
import be.mhealth.pyramid.support.problem.RuleViolationException;
import be.mhealth.pyramid.support.problem.StateConflictException;

/**
 * A reimbursement request and NIHDI's procedure on it: the only place that decides which step is allowed
 * and how the statutory clocks run.
 *
 * <pre>
 * DRAFT → SUBMITTED (admissibility, 30 days) → INADMISSIBLE
 *                   ↓ ADMISSIBLE
 *         IN_EVALUATION (180 days; EXTENSION once → 270) ⇄ CLARIFICATION_REQUESTED (clock stopped, ≤ 30 days)
 *                   ↓
 *         APPROVED_TEMPORARY | APPROVED_DEFINITIVE | DECLINED
 * APPROVED_TEMPORARY → ENDED (after its end date, by the clock job; or END) | APPROVED_DEFINITIVE
 * APPROVED_DEFINITIVE → ENDED (END)
 * DRAFT, SUBMITTED, IN_EVALUATION, CLARIFICATION_REQUESTED → WITHDRAWN (vendor)
 * </pre>
 *
 * Clocks count calendar days. The evaluation is due {@code evaluationDays} after admissibility plus every
 * day a clarification request stood open. The vendor answers a request by re-submitting; a request
 * unanswered after 30 days lapses: the clock job puts the dossier back in evaluation with 30 stopped days,
 * and the vendor can no longer edit it.
 */
@Entity
@Table(name = "reimbursement_dossier")
public class ReimbursementDossier {

    public static final int ADMISSIBILITY_DAYS = 30;
    public static final int EVALUATION_DAYS = 180;
    public static final int EXTENDED_EVALUATION_DAYS = 270;
    public static final int CLARIFICATION_MAX_DAYS = 30;
    /** The actor recorded for the clock job's transitions. */
    public static final String SYSTEM = "system";

    private static final Set<DossierState> EDITABLE = EnumSet.of(DossierState.DRAFT,
            DossierState.CLARIFICATION_REQUESTED);
    private static final Set<DossierState> WITHDRAWABLE = EnumSet.of(DossierState.DRAFT, DossierState.SUBMITTED,
            DossierState.IN_EVALUATION, DossierState.CLARIFICATION_REQUESTED);

    @Id
    private UUID id;

    @Column(name = "app_id", nullable = false)
    private UUID appId;

    @Column(name = "organization_id", nullable = false)
    private String organizationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DossierState state;

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

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

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

    /** The running step's due date, kept for the review queue's ordering. */
    @Column(name = "due_on")
    private LocalDate dueOn;

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

    @Column(name = "ended_on")
    private LocalDate endedOn;

    @Version
    private long version;

    protected ReimbursementDossier() {
        // for JPA
    }

    /** A new DRAFT for the vendor's app. */
    public static ReimbursementDossier draft(UUID appId, String organizationId, DossierContent content, String actor,
            Now now) {
        ReimbursementDossier dossier = new ReimbursementDossier();
        dossier.id = UUID.randomUUID();
        dossier.appId = appId;
        dossier.organizationId = organizationId;
        dossier.state = DossierState.DRAFT;
        dossier.evaluationDays = EVALUATION_DAYS;
        dossier.createdBy = actor;
        dossier.createdAt = now.instant();
        dossier.setContent(content, now);
        return dossier;
    }

    /** The history entry of the dossier's creation. */
    public Transition creation() {
        return new Transition("CREATE", null, DossierState.DRAFT, createdBy, createdAt, "dossier created");
    }

    /** The vendor edits the request: only while it is a draft or NIHDI waits for a clarification. */
    public Transition update(DossierContent content, String actor, Now now) {
        if (!EDITABLE.contains(state)) {
            throw StateConflictException.illegalTransition("update", state);
        }
        setContent(content, now);
        return new Transition("UPDATE", state, state, actor, now.instant(), "content updated");
    }

    /** Submits a draft (the admissibility clock starts), or answers a clarification request (the clock resumes). */
    public Transition submit(String actor, Now now) {
        DossierState from = state;
        String reason;
        switch (state) {
            case DRAFT -> {
                state = DossierState.SUBMITTED;
                submittedAt = now.instant();
                submittedOn = now.today();
                reason = "submitted; admissibility due within " + ADMISSIBILITY_DAYS + " days";
            }
            case CLARIFICATION_REQUESTED -> {
                long stopped = Math.min(ChronoUnit.DAYS.between(clarificationRequestedOn, now.today()),
                        CLARIFICATION_MAX_DAYS);
                resumeEvaluation((int) stopped);
                reason = "clarification answered; the evaluation clock resumes after " + stopped + " stopped days";
            }
            default -> throw StateConflictException.illegalTransition("submit", state);
        }
        return transition("SUBMIT", from, actor, now, reason);
    }

    /** The vendor withdraws a dossier NIHDI has not decided. */
    public Transition withdraw(String reason, String actor, Now now) {
        if (!WITHDRAWABLE.contains(state)) {
            throw StateConflictException.illegalTransition("withdraw", state);
        }
        DossierState from = state;
        state = DossierState.WITHDRAWN;
        clarificationRequestedOn = null;
        return transition("WITHDRAW", from, actor, now,
                reason == null || reason.isBlank() ? "withdrawn by the vendor" : reason);
    }

    /** One NIHDI step: 409 naming the state when the outcome is not possible now, 422 naming missing fields. */
    public Transition decide(Decision decision, String actor, Now now) {
        Outcome outcome = decision.outcome();
        if (!allowedOutcomes().contains(outcome)) {
            throw new StateConflictException("illegal-transition",
                    "outcome " + outcome + " is not possible for a dossier in state " + state, state.name());
        }
        if (outcome == Outcome.EXTENSION && evaluationDays == EXTENDED_EVALUATION_DAYS) {
            throw new StateConflictException("extension-used",
                    "the evaluation was already extended to " + EXTENDED_EVALUATION_DAYS + " days; it can be extended once",
                    state.name());
        }
        checkFields(decision);
        DossierState from = state;
        String reason = decision.reason();
        switch (outcome) {
            case ADMISSIBLE -> {
                state = DossierState.IN_EVALUATION;
                evaluationStartedOn = now.today();
                reason = orDefault(reason, "admissible; evaluation due within " + EVALUATION_DAYS + " days");
            }
            case INADMISSIBLE -> decided(DossierState.INADMISSIBLE, actor, now);
            case EXTENSION -> evaluationDays = EXTENDED_EVALUATION_DAYS;
            case CLARIFICATION_REQUESTED -> {
                state = DossierState.CLARIFICATION_REQUESTED;
                clarificationRequestedOn = now.today();
            }
            case APPROVED_TEMPORARY, APPROVED_DEFINITIVE -> {
                decided(outcome == Outcome.APPROVED_TEMPORARY ? DossierState.APPROVED_TEMPORARY
                        : DossierState.APPROVED_DEFINITIVE, actor, now);
                nomenclatureCode = decision.nomenclatureCode();
                grantedAmount = decision.amount();
                grantedUnit = decision.unit();
                reimbursementStart = decision.startDate();
                reimbursementEnd = decision.endDate();
                reason = orDefault(reason, (outcome == Outcome.APPROVED_TEMPORARY ? "temporary" : "definitive")
                        + " reimbursement under nomenclature code " + nomenclatureCode);
            }
            case DECLINED -> decided(DossierState.DECLINED, actor, now);
            case END -> {
                state = DossierState.ENDED;
                endedOn = now.today();
            }
        }
        return transition(outcome.name(), from, actor, now, reason);
    }

    /** The clock job: a clarification request unanswered for more than 30 days lapses and evaluation resumes. */
    public Optional<Transition> lapseClarification(Now now) {
        if (state != DossierState.CLARIFICATION_REQUESTED || !now.today().isAfter(clarificationDueOn())) {
            return Optional.empty();
        }
        DossierState from = state;
        resumeEvaluation(CLARIFICATION_MAX_DAYS);
        return Optional.of(transition("CLARIFICATION_LAPSED", from, SYSTEM, now, "no answer within "
                + CLARIFICATION_MAX_DAYS + " days: the request lapsed and the evaluation clock resumed"));
    }

    /** The clock job: a temporary reimbursement ends the day after its end date (its last reimbursed day). */
    public Optional<Transition> endTemporaryReimbursement(Now now) {
        if (state != DossierState.APPROVED_TEMPORARY || !now.today().isAfter(reimbursementEnd)) {
            return Optional.empty();
        }
        DossierState from = state;
        state = DossierState.ENDED;
        endedOn = reimbursementEnd;
        return Optional.of(transition("TEMPORARY_ENDED", from, SYSTEM, now,
                "the temporary reimbursement reached its end date " + reimbursementEnd
                        + " without a definitive decision"));
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
        if (state == DossierState.CLARIFICATION_REQUESTED) {
            due = due.plusDays(Math.min(ChronoUnit.DAYS.between(clarificationRequestedOn, today),
                    CLARIFICATION_MAX_DAYS));
        }
        return due;
    }

    private LocalDate dueDate() {
        return switch (state) {
            case SUBMITTED -> submittedOn.plusDays(ADMISSIBILITY_DAYS);
            case IN_EVALUATION -> evaluationStartedOn.plusDays(evaluationDays + clockStoppedDays);
            case CLARIFICATION_REQUESTED -> clarificationDueOn();
            default -> null;
        };
    }

    private LocalDate clarificationDueOn() {
        return clarificationRequestedOn.plusDays(CLARIFICATION_MAX_DAYS);
    }

    private Set<Outcome> allowedOutcomes() {
        return switch (state) {
            case SUBMITTED -> EnumSet.of(Outcome.ADMISSIBLE, Outcome.INADMISSIBLE);
            case IN_EVALUATION -> EnumSet.of(Outcome.EXTENSION, Outcome.CLARIFICATION_REQUESTED,
                    Outcome.APPROVED_TEMPORARY, Outcome.APPROVED_DEFINITIVE, Outcome.DECLINED);
            case APPROVED_TEMPORARY -> EnumSet.of(Outcome.APPROVED_DEFINITIVE, Outcome.END);
            case APPROVED_DEFINITIVE -> EnumSet.of(Outcome.END);
            default -> EnumSet.noneOf(Outcome.class);
        };
    }

    private static void checkFields(Decision decision) {
        Outcome outcome = decision.outcome();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (String field : Decision.FIELDS) {
            boolean present = decision.field(field) != null;
            if (!present && outcome.required().contains(field)) {
                errors.add(new Problem.FieldError(field, "required for outcome " + outcome));
            } else if (present && !outcome.uses(field)) {
                errors.add(new Problem.FieldError(field, "not used by outcome " + outcome));
            }
        }
        if (decision.amount() != null && (decision.amount().signum() < 0 || decision.amount().scale() > 2)) {
            errors.add(new Problem.FieldError(Decision.AMOUNT, "must be at least 0 with at most 2 decimals"));
        }
        if (outcome.uses(Decision.END_DATE) && decision.startDate() != null && decision.endDate() != null
                && !decision.endDate().isAfter(decision.startDate())) {
            errors.add(new Problem.FieldError(Decision.END_DATE, "must be after startDate"));
        }
        if (!errors.isEmpty()) {
            throw new RuleViolationException(errors);
        }
    }

    private void resumeEvaluation(int stoppedDays) {
        state = DossierState.IN_EVALUATION;
        clockStoppedDays += stoppedDays;
        clarificationRequestedOn = null;
    }

    private void decided(DossierState outcomeState, String actor, Now now) {
        state = outcomeState;
        decidedBy = actor;
        decidedAt = now.instant();
    }

    private Transition transition(String action, DossierState from, String actor, Now now, String reason) {
        updatedAt = now.instant();
        dueOn = dueDate();
        return new Transition(action, from, state, actor, now.instant(), reason);
    }

    private void setContent(DossierContent content, Now now) {
        carePathway = content.carePathway();
        clinicalEvidence = content.clinicalEvidence();
        budgetImpactPerYear = content.budgetImpactPerYear();
        costEffectiveness = content.costEffectiveness();
        requestedAmount = content.requestedAmount();
        requestedUnit = content.requestedUnit();
        requestedMonths = content.requestedMonths();
        updatedAt = now.instant();
    }

    private static String orDefault(String reason, String fallback) {
        return reason == null || reason.isBlank() ? fallback : reason;
    }

    public UUID id() {
        return id;
    }

    public UUID appId() {
        return appId;
    }

    public String organizationId() {
        return organizationId;
    }

    public DossierState state() {
        return state;
    }

    public DossierContent content() {
        return new DossierContent(carePathway, clinicalEvidence, budgetImpactPerYear, costEffectiveness,
                requestedAmount, requestedUnit, requestedMonths);
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

    public String nomenclatureCode() {
        return nomenclatureCode;
    }

    public BigDecimal grantedAmount() {
        return grantedAmount;
    }

    public FinancingUnit grantedUnit() {
        return grantedUnit;
    }

    public LocalDate reimbursementStart() {
        return reimbursementStart;
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

    public LocalDate endedOn() {
        return endedOn;
    }

    public long version() {
        return version;
    }
}
