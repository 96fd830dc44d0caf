package be.mhealth.pyramid.m1.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import be.mhealth.pyramid.events.DossierEvents.ActedBy;
import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.M1Events.ExpiryWarning;
import be.mhealth.pyramid.support.dossier.LevelDossier;
import be.mhealth.pyramid.support.problem.RuleViolationException;
import be.mhealth.pyramid.support.problem.StateConflictException;
import be.mhealth.pyramid.support.security.Actor;
import be.mhealth.pyramid.support.time.PlatformCalendar;

/**
 * A vendor's M1 (CE marking) dossier for one app: its evidence and where FAMHP's review stands. It changes only
 * through its behaviour methods; each transition goes through {@link M1Lifecycle} (409 otherwise), checks
 * {@link M1Rules}, and returns the history line that the service records. "Today" is the UTC date of {@code at}.
 */
@Entity
@Table(name = "dossier")
public class M1Dossier implements LevelDossier {

    @Id
    private UUID id;

    @Column(name = "app_id", nullable = false, updatable = false)
    private UUID appId;

    @Column(name = "organization_id", nullable = false, updatable = false)
    private String organizationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private M1DossierState state;

    @Embedded
    private Certificate certificate;

    @Column(name = "famhp_notification", nullable = false)
    private String famhpNotification;

    @Embedded
    private GdprDeclaration gdpr;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** The first submission; from then on FAMHP may see the dossier. */
    @Column(name = "submitted_at")
    private Instant submittedAt;

    /** The last (re-)submission: since when the dossier waits for FAMHP. */
    @Column(name = "waiting_since")
    private Instant waitingSince;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_reason")
    private String decisionReason;

    /** The certificate's last day of validity, once the grant expired. */
    @Column(name = "certificate_expired_on")
    private LocalDate certificateExpiredOn;

    /** A renewal: the dossier whose grant this one renews (it held an active grant when this one was opened). */
    @Column(name = "renewal_of", updatable = false)
    private UUID renewalOf;

    /** The last expiry warning published for the current expiry date (reset when the validity is extended). */
    @Enumerated(EnumType.STRING)
    @Column(name = "expiry_warning")
    private ExpiryWarning expiryWarning;

    @Column(name = "expiry_warned_at")
    private Instant expiryWarnedAt;

    /** The last extension of the certificate's validity: the expiry date before it, and its legal basis. */
    @Column(name = "extended_from")
    private LocalDate extendedFrom;

    @Column(name = "extension_legal_basis")
    private String extensionLegalBasis;

    /** A re-assessment FAMHP owes after a significant change: the version that declared it, its kinds, when due. */
    @Column(name = "reassessment_version")
    private String reassessmentVersion;

    @Column(name = "reassessment_changes")
    private String reassessmentChanges;

    @Column(name = "reassessment_due_on")
    private LocalDate reassessmentDueOn;

    @Version
    @Column(nullable = false)
    private long version;

    protected M1Dossier() {
    }

    /** A new DRAFT with valid evidence (422 otherwise); its {@link #creation()} is the first history line. */
    public static M1Dossier open(UUID appId, String organizationId, M1Evidence evidence, Actor by, Instant at) {
        return open(appId, organizationId, evidence, null, by, at);
    }

    /**
     * A new DRAFT that renews {@code grant}'s (an APPROVED dossier of the same app) when not null: its certificate
     * must outlast the one it renews (422 {@code certificate.expiresOn}).
     */
    public static M1Dossier open(UUID appId, String organizationId, M1Evidence evidence, M1Dossier grant, Actor by,
            Instant at) {
        M1Rules.requireValidEvidence(evidence, today(at));
        if (grant != null) {
            M1Rules.requireRenewing(evidence.certificate(), grant.certificate);
        }
        M1Dossier dossier = new M1Dossier();
        dossier.renewalOf = grant == null ? null : grant.id;
        dossier.id = UUID.randomUUID();
        dossier.appId = appId;
        dossier.organizationId = organizationId;
        dossier.state = M1Lifecycle.TABLE.initial();
        dossier.setEvidence(evidence);
        dossier.createdBy = by.name();
        dossier.createdAt = at;
        dossier.updatedAt = at;
        return dossier;
    }

    /** The history line of {@link #open}: vendors open dossiers. */
    public M1DossierTransition creation() {
        return M1DossierTransition.of(id, null, state, M1Lifecycle.TABLE.creation(),
                new Actor(createdBy, ActedBy.VENDOR),
                renewalOf == null ? "dossier opened" : "renewal of dossier " + renewalOf + " opened", createdAt);
    }

    /**
     * Replaces the evidence while DRAFT or INFO_REQUESTED (409 otherwise); not a transition. The dossier stays
     * for its app (422 {@code appId} for another).
     */
    public void revise(UUID forApp, M1Evidence evidence, Instant at) {
        requireEditable("update");
        if (!appId.equals(forApp)) {
            throw new RuleViolationException("appId", "cannot change; this dossier is for app " + appId);
        }
        M1Rules.requireValidEvidence(evidence, today(at));
        setEvidence(evidence);
        updatedAt = at;
    }

    /** 409 unless the vendor may still change the evidence or the attachments. */
    public void requireEditable(String what) {
        if (!state.editable()) {
            throw new StateConflictException("illegal-transition",
                    "cannot " + what + " a dossier in state " + state + "; only DRAFT or INFO_REQUESTED", state.name());
        }
    }

    /** DRAFT → SUBMITTED, or INFO_REQUESTED → IN_REVIEW: an unexpired certificate and its PDF attached. */
    public M1DossierTransition submit(Collection<AttachmentKind> attached, Actor by, Instant at) {
        M1DossierState to = M1Lifecycle.TABLE.require(state, M1DossierAction.SUBMIT);
        M1Rules.requireSubmittable(certificate, attached, today(at));
        String reason = state == M1DossierState.INFO_REQUESTED ? "re-submitted after the information request"
                : "submitted for review";
        if (submittedAt == null) {
            submittedAt = at;
        }
        waitingSince = at;
        return move(M1DossierAction.SUBMIT, to, by, reason, at);
    }

    /** The vendor withdraws a dossier that is not decided. */
    public M1DossierTransition withdraw(String reason, Actor by, Instant at) {
        return move(M1DossierAction.WITHDRAW, M1Lifecycle.TABLE.require(state, M1DossierAction.WITHDRAW), by,
                reason, at);
    }

    /** SUBMITTED → IN_REVIEW: FAMHP takes the dossier into review (with its first decision). */
    public M1DossierTransition startReview(Actor by, Instant at) {
        return move(M1DossierAction.START_REVIEW, M1Lifecycle.TABLE.require(state, M1DossierAction.START_REVIEW),
                by, "taken into review", at);
    }

    /** IN_REVIEW → APPROVED: the certificate must not have expired. */
    public M1DossierTransition approve(String reason, Actor by, Instant at) {
        M1DossierState to = M1Lifecycle.TABLE.require(state, M1DossierAction.APPROVE);
        M1Rules.requireGrantable(certificate, today(at));
        return decide(M1DossierAction.APPROVE, to, by, reason == null || reason.isBlank() ? "approved" : reason, at);
    }

    /** IN_REVIEW → REJECTED. */
    public M1DossierTransition reject(String reason, Actor by, Instant at) {
        return decide(M1DossierAction.REJECT, M1Lifecycle.TABLE.require(state, M1DossierAction.REJECT), by, reason,
                at);
    }

    /** IN_REVIEW → INFO_REQUESTED: the vendor may edit and re-submit. */
    public M1DossierTransition requestInfo(String reason, Actor by, Instant at) {
        return decide(M1DossierAction.REQUEST_INFO, M1Lifecycle.TABLE.require(state, M1DossierAction.REQUEST_INFO),
                by, reason, at);
    }

    /** APPROVED → REVOKED. */
    public M1DossierTransition revoke(String reason, Actor by, Instant at) {
        return decide(M1DossierAction.REVOKE, M1Lifecycle.TABLE.require(state, M1DossierAction.REVOKE), by, reason,
                at);
    }

    /** APPROVED → EXPIRED because the certificate's expiry date lies before today (the expiry job). */
    public M1DossierTransition expireLapsed(Actor by, Instant at) {
        M1DossierState to = M1Lifecycle.TABLE.require(state, M1DossierAction.EXPIRE);
        if (!M1Rules.lapsed(certificate, today(at))) {
            throw new StateConflictException("not-lapsed", "the certificate is valid through "
                    + certificate.expiresOn(), state.name());
        }
        certificateExpiredOn = certificate.expiresOn();
        return move(M1DossierAction.EXPIRE, to, by, "its expiry date passed", at);
    }

    /**
     * APPROVED → EXPIRED because FAMHP established that the certificate's last day of validity was earlier than
     * the dossier states (e.g. the notified body confirms it was not renewed).
     */
    public M1DossierTransition expireEarlier(LocalDate lastValidDay, String reason, Actor by, Instant at) {
        M1DossierState to = M1Lifecycle.TABLE.require(state, M1DossierAction.EXPIRE);
        M1Rules.requireEarlierExpiry(certificate, lastValidDay, today(at));
        certificateExpiredOn = lastValidDay;
        return move(M1DossierAction.EXPIRE, to, by, reason, at);
    }

    /** APPROVED → RENEWED: the approval of {@code renewal} replaces this grant. */
    public M1DossierTransition renewedBy(UUID renewal, Actor by, Instant at) {
        return move(M1DossierAction.RENEW, M1Lifecycle.TABLE.require(state, M1DossierAction.RENEW), by,
                "renewed by dossier " + renewal, at);
    }

    /**
     * APPROVED → APPROVED: FAMHP extends the certificate's validity until {@code until} on {@code legalBasis}
     * (422 unless later than the expiry date on record and plausible); the expiry warnings start again.
     */
    public M1DossierTransition extend(LocalDate until, String legalBasis, String reason, Actor by, Instant at) {
        M1DossierState to = M1Lifecycle.TABLE.require(state, M1DossierAction.EXTEND);
        M1Rules.requireExtension(certificate, until, today(at));
        extendedFrom = certificate.expiresOn();
        extensionLegalBasis = legalBasis;
        certificate = certificate.validUntil(until);
        expiryWarning = null;
        expiryWarnedAt = null;
        return decide(M1DossierAction.EXTEND, to, by, "validity extended from " + extendedFrom + " until " + until
                + " (" + legalBasis + "): " + reason, at);
    }

    /**
     * The expiry warning due {@code at} for an active grant, if one is due and not yet published: 30 days before
     * the expiry date, else 90 days (a grant first seen 20 days before gets only the 30-day warning).
     */
    public java.util.Optional<ExpiryWarning> dueExpiryWarning(Instant at) {
        if (state != M1DossierState.APPROVED) {
            return java.util.Optional.empty();
        }
        long daysLeft = java.time.temporal.ChronoUnit.DAYS.between(today(at), certificate.expiresOn());
        for (ExpiryWarning warning : java.util.List.of(ExpiryWarning.DAYS_30, ExpiryWarning.DAYS_90)) {
            if (daysLeft <= warning.days()) {
                boolean sent = expiryWarning != null && expiryWarning.days() <= warning.days();
                return sent ? java.util.Optional.empty() : java.util.Optional.of(warning);
            }
        }
        return java.util.Optional.empty();
    }

    /** Notes that {@code warning} was published (not a transition). */
    public void expiryWarned(ExpiryWarning warning, Instant at) {
        expiryWarning = warning;
        expiryWarnedAt = at;
    }

    /**
     * A significant change for M1 was declared: the grant awaits FAMHP's re-assessment by {@code dueOn}, in its
     * queue (APPROVED stays APPROVED). A second declaration before FAMHP acts replaces the first.
     */
    public M1DossierTransition requestReassessment(String version, String changes, LocalDate dueOn, Actor by,
            Instant at) {
        M1DossierState to = M1Lifecycle.TABLE.require(state, M1DossierAction.REQUEST_REASSESSMENT);
        reassessmentVersion = version;
        reassessmentChanges = changes;
        reassessmentDueOn = dueOn;
        waitingSince = at;
        return move(M1DossierAction.REQUEST_REASSESSMENT, to, by, "version " + version + " declares a significant "
                + "change (" + changes + "): re-assessment due by " + dueOn, at);
    }

    /** FAMHP confirms the grant after a re-assessment (409 when none is pending). */
    public M1DossierTransition confirm(String reason, Actor by, Instant at) {
        M1DossierState to = M1Lifecycle.TABLE.require(state, M1DossierAction.CONFIRM);
        if (reassessmentDueOn == null) {
            throw new StateConflictException("no-reassessment", "no re-assessment is pending for this grant",
                    state.name());
        }
        clearReassessment();
        return decide(M1DossierAction.CONFIRM, to, by, reason, at);
    }

    /** The vendor took the app off the market: an open dossier or the grant closes (the service acts). */
    public M1DossierTransition close(Actor by, Instant at) {
        M1DossierState to = M1Lifecycle.TABLE.require(state, M1DossierAction.CLOSE);
        clearReassessment();
        return move(M1DossierAction.CLOSE, to, by, "the vendor took the app off the market", at);
    }

    private void clearReassessment() {
        reassessmentVersion = null;
        reassessmentChanges = null;
        reassessmentDueOn = null;
    }

    /** True while FAMHP owes a re-assessment of this grant. */
    public boolean awaitsReassessment() {
        return state == M1DossierState.APPROVED && reassessmentDueOn != null;
    }

    private M1DossierTransition decide(M1DossierAction action, M1DossierState to, Actor by, String reason,
            Instant at) {
        decidedBy = by.name();
        decidedAt = at;
        decisionReason = reason;
        return move(action, to, by, reason, at);
    }

    private M1DossierTransition move(M1DossierAction action, M1DossierState to, Actor by, String reason,
            Instant at) {
        M1DossierState from = state;
        if (to != M1DossierState.APPROVED) {
            clearReassessment();
        }
        state = to;
        updatedAt = at;
        return M1DossierTransition.of(id, from, to, action, by, reason, at);
    }

    private void setEvidence(M1Evidence evidence) {
        certificate = evidence.certificate();
        famhpNotification = evidence.famhpNotification();
        gdpr = evidence.gdpr();
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
        return Level.M1;
    }

    public M1DossierState state() {
        return state;
    }

    public M1Evidence evidence() {
        return new M1Evidence(certificate, famhpNotification, gdpr);
    }

    public Certificate certificate() {
        return certificate;
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

    public LocalDate certificateExpiredOn() {
        return certificateExpiredOn;
    }

    /** The dossier whose grant this one renews; null for a first dossier. */
    public UUID renewalOf() {
        return renewalOf;
    }

    public ExpiryWarning expiryWarning() {
        return expiryWarning;
    }

    public Instant expiryWarnedAt() {
        return expiryWarnedAt;
    }

    public LocalDate extendedFrom() {
        return extendedFrom;
    }

    public String extensionLegalBasis() {
        return extensionLegalBasis;
    }

    public String reassessmentVersion() {
        return reassessmentVersion;
    }

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
