package be.mhealth.pyramid.m2.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import be.mhealth.pyramid.events.DossierEvents.ActedBy;
import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.support.dossier.LevelDossier;
import be.mhealth.pyramid.support.problem.RuleViolationException;
import be.mhealth.pyramid.support.problem.StateConflictException;
import be.mhealth.pyramid.support.security.Actor;
import be.mhealth.pyramid.support.time.PlatformCalendar;

/**
 * A vendor's M2 (interoperability) dossier for one app: its risk assessment, the criteria that follow from it
 * ({@link CriteriaRules}), and where the eHealth platform's review stands. It changes only through its behaviour
 * methods; each transition goes through {@link M2Lifecycle} (409 otherwise), checks {@link M2Rules}, and returns the
 * history line that the service records. "Today" is the UTC date of {@code at}.
 */
@Entity
@Table(name = "m2_dossier")
public class M2Dossier implements LevelDossier {

    @Id
    private UUID id;

    @Column(name = "app_id", nullable = false, updatable = false)
    private UUID appId;

    @Column(name = "organization_id", nullable = false, updatable = false)
    private String organizationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private M2DossierState state;

    @Column(name = "processes_health_data", nullable = false)
    private boolean processesHealthData;

    @Column(name = "identifies_patient", nullable = false)
    private boolean identifiesPatient;

    @Column(name = "exchanges_with_care_providers", nullable = false)
    private boolean exchangesWithCareProviders;

    @Column(name = "sends_data_to_third_parties", nullable = false)
    private boolean sendsDataToThirdParties;

    @Column(name = "authenticates_care_providers", nullable = false)
    private boolean authenticatesCareProviders;

    /** Derived from the answers whenever they are written, so a later change of the table moves no dossier. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "m2_required_criterion", joinColumns = @JoinColumn(name = "dossier_id"))
    @OrderColumn(name = "position")
    private List<RequiredCriterion> requiredCriteria = new ArrayList<>();

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** The first submission; from then on the eHealth platform and test centres may see the dossier. */
    @Column(name = "submitted_at")
    private Instant submittedAt;

    /** The last (re-)submission: since when the dossier waits for the eHealth platform. */
    @Column(name = "waiting_since")
    private Instant waitingSince;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_reason")
    private String decisionReason;

    /** A re-assessment the eHealth platform owes after a significant change: the version, its kinds, the due date. */
    @Column(name = "reassessment_version")
    private String reassessmentVersion;

    @Column(name = "reassessment_changes")
    private String reassessmentChanges;

    @Column(name = "reassessment_due_on")
    private LocalDate reassessmentDueOn;

    @Version
    @Column(nullable = false)
    private long version;

    protected M2Dossier() {
    }

    /** A new DRAFT; its {@link #creation()} is the first history line. */
    public static M2Dossier open(UUID appId, String organizationId, RiskAssessment answers, Actor by, Instant at) {
        M2Dossier dossier = new M2Dossier();
        dossier.id = UUID.randomUUID();
        dossier.appId = appId;
        dossier.organizationId = organizationId;
        dossier.state = M2Lifecycle.TABLE.initial();
        dossier.answer(answers);
        dossier.createdBy = by.name();
        dossier.createdAt = at;
        dossier.updatedAt = at;
        return dossier;
    }

    /** The history line of {@link #open}: vendors open dossiers. */
    public M2DossierTransition creation() {
        return M2DossierTransition.of(id, null, state, M2Lifecycle.TABLE.creation(),
                new Actor(createdBy, ActedBy.VENDOR), "dossier opened", createdAt);
    }

    /**
     * Replaces the risk assessment (and so the required criteria) while DRAFT or INFO_REQUESTED (409 otherwise); not
     * a transition. The dossier stays for its app (422 {@code appId} for another).
     */
    public void revise(UUID forApp, RiskAssessment answers, Instant at) {
        requireEditable("update");
        if (!appId.equals(forApp)) {
            throw new RuleViolationException("appId", "cannot change; this dossier is for app " + appId);
        }
        answer(answers);
        updatedAt = at;
    }

    /** 409 unless the vendor may still change the risk assessment. */
    public void requireEditable(String what) {
        if (!state.editable()) {
            throw new StateConflictException("illegal-transition",
                    "cannot " + what + " a dossier in state " + state + "; only DRAFT or INFO_REQUESTED", state.name());
        }
    }

    /** DRAFT → SUBMITTED, or INFO_REQUESTED → IN_REVIEW (the answer to the assessor's question). */
    public M2DossierTransition submit(Actor by, Instant at) {
        M2DossierState to = M2Lifecycle.TABLE.require(state, M2DossierAction.SUBMIT);
        String reason = state == M2DossierState.INFO_REQUESTED ? "re-submitted after the information request"
                : "submitted for review";
        if (submittedAt == null) {
            submittedAt = at;
        }
        waitingSince = at;
        return move(M2DossierAction.SUBMIT, to, by, reason, at);
    }

    /** The vendor withdraws a dossier that is not decided. */
    public M2DossierTransition withdraw(String reason, Actor by, Instant at) {
        return move(M2DossierAction.WITHDRAW, M2Lifecycle.TABLE.require(state, M2DossierAction.WITHDRAW), by,
                reason, at);
    }

    /** SUBMITTED → IN_REVIEW: the eHealth platform takes the dossier into review. */
    public M2DossierTransition startReview(Actor by, Instant at) {
        return move(M2DossierAction.START_REVIEW, M2Lifecycle.TABLE.require(state, M2DossierAction.START_REVIEW),
                by, "taken into review", at);
    }

    /** IN_REVIEW → APPROVED: every required criterion has a current PASS ({@code current}: criterion → outcome). */
    public M2DossierTransition approve(String reason, Map<Criterion, TestOutcome> current, Actor by, Instant at) {
        M2DossierState to = M2Lifecycle.TABLE.require(state, M2DossierAction.APPROVE);
        M2Rules.requireGrantable(criteria(), current, state);
        return decide(M2DossierAction.APPROVE, to, by, reason == null || reason.isBlank() ? "approved" : reason, at);
    }

    /** IN_REVIEW → REJECTED. */
    public M2DossierTransition reject(String reason, Actor by, Instant at) {
        return decide(M2DossierAction.REJECT, M2Lifecycle.TABLE.require(state, M2DossierAction.REJECT), by, reason,
                at);
    }

    /** IN_REVIEW → INFO_REQUESTED: the vendor may revise the risk assessment and re-submit. */
    public M2DossierTransition requestInfo(String reason, Actor by, Instant at) {
        return decide(M2DossierAction.REQUEST_INFO, M2Lifecycle.TABLE.require(state, M2DossierAction.REQUEST_INFO),
                by, reason, at);
    }

    /** APPROVED → REVOKED. */
    public M2DossierTransition revoke(String reason, Actor by, Instant at) {
        return decide(M2DossierAction.REVOKE, M2Lifecycle.TABLE.require(state, M2DossierAction.REVOKE), by, reason,
                at);
    }

    /**
     * A significant change for M2 was declared: the grant awaits the eHealth platform's re-assessment by
     * {@code dueOn}, in its queue (APPROVED stays APPROVED). A second declaration before it acts replaces the first.
     */
    public M2DossierTransition requestReassessment(String version, String changes, LocalDate dueOn, Actor by,
            Instant at) {
        M2DossierState to = M2Lifecycle.TABLE.require(state, M2DossierAction.REQUEST_REASSESSMENT);
        reassessmentVersion = version;
        reassessmentChanges = changes;
        reassessmentDueOn = dueOn;
        waitingSince = at;
        return move(M2DossierAction.REQUEST_REASSESSMENT, to, by, "version " + version + " declares a significant "
                + "change (" + changes + "): re-assessment due by " + dueOn, at);
    }

    /** The eHealth platform confirms the grant after a re-assessment (409 when none is pending). */
    public M2DossierTransition confirm(String reason, Actor by, Instant at) {
        M2DossierState to = M2Lifecycle.TABLE.require(state, M2DossierAction.CONFIRM);
        if (reassessmentDueOn == null) {
            throw new StateConflictException("no-reassessment", "no re-assessment is pending for this grant",
                    state.name());
        }
        clearReassessment();
        return decide(M2DossierAction.CONFIRM, to, by, reason, at);
    }

    /** The vendor took the app off the market: an open dossier or the grant closes (the service acts). */
    public M2DossierTransition close(Actor by, Instant at) {
        M2DossierState to = M2Lifecycle.TABLE.require(state, M2DossierAction.CLOSE);
        clearReassessment();
        return move(M2DossierAction.CLOSE, to, by, "the vendor took the app off the market", at);
    }

    private void clearReassessment() {
        reassessmentVersion = null;
        reassessmentChanges = null;
        reassessmentDueOn = null;
    }

    /** True while the eHealth platform owes a re-assessment of this grant. */
    public boolean awaitsReassessment() {
        return state == M2DossierState.APPROVED && reassessmentDueOn != null;
    }

    /**
     * A test centre's result for one criterion, while SUBMITTED or IN_REVIEW (409 otherwise), within
     * {@link M2Rules#requireRecordable} (422); it supersedes {@code current}, the criterion's result so far (or null).
     * Not a transition: the dossier's state does not change.
     */
    public TestResult recordTestResult(TestResult.Finding finding, TestResult current, Actor by, Instant at) {
        if (!state.acceptsTestResults()) {
            throw new StateConflictException("illegal-transition",
                    "test results are recorded only for a SUBMITTED or IN_REVIEW dossier; this one is " + state,
                    state.name());
        }
        M2Rules.requireRecordable(criteria(), finding.criterion(), finding.testedOn(),
                current == null ? null : current.testedOn(), today(at));
        TestResult result = TestResult.of(id, finding, by, at);
        if (current != null) {
            current.supersede(result, at);
        }
        return result;
    }

    private M2DossierTransition decide(M2DossierAction action, M2DossierState to, Actor by, String reason,
            Instant at) {
        decidedBy = by.name();
        decidedAt = at;
        decisionReason = reason;
        return move(action, to, by, reason, at);
    }

    private M2DossierTransition move(M2DossierAction action, M2DossierState to, Actor by, String reason,
            Instant at) {
        M2DossierState from = state;
        if (to != M2DossierState.APPROVED) {
            clearReassessment();
        }
        state = to;
        updatedAt = at;
        return M2DossierTransition.of(id, from, to, action, by, reason, at);
    }

    /** Stores the answers and derives the required criteria again from the rule table. */
    private void answer(RiskAssessment answers) {
        processesHealthData = answers.processesHealthData();
        identifiesPatient = answers.identifiesPatient();
        exchangesWithCareProviders = answers.exchangesWithCareProviders();
        sendsDataToThirdParties = answers.sendsDataToThirdParties();
        authenticatesCareProviders = answers.authenticatesCareProviders();
        requiredCriteria.clear();
        CriteriaRules.requiredBy(answers)
                .forEach(r -> requiredCriteria.add(new RequiredCriterion(r.criterion(), r.reason())));
    }

    private static LocalDate today(Instant at) {
        return PlatformCalendar.dayOf(at);
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
        return Level.M2;
    }

    public M2DossierState state() {
        return state;
    }

    public RiskAssessment riskAssessment() {
        return new RiskAssessment(processesHealthData, identifiesPatient, exchangesWithCareProviders,
                sendsDataToThirdParties, authenticatesCareProviders);
    }

    /** The required criteria with their reasons, in {@link Criterion} order. */
    public List<RequiredCriterion> requiredCriteria() {
        return List.copyOf(requiredCriteria);
    }

    public List<Criterion> criteria() {
        return requiredCriteria.stream().map(RequiredCriterion::criterion).toList();
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

    public String decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String decisionReason() {
        return decisionReason;
    }

    public String reassessmentVersion() {
        return reassessmentVersion;
    }

    /** The significant changes for M2 that the re-assessment is about, comma-separated. */
    public String reassessmentChanges() {
        return reassessmentChanges;
    }

    public LocalDate reassessmentDueOn() {
        return reassessmentDueOn;
    }

    /** The optimistic-lock version; the dossier's ETag. */
    public long version() {
        return version;
    }
}
