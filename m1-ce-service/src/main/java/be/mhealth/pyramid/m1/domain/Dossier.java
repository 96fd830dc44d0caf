package be.mhealth.pyramid.m1.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import be.mhealth.pyramid.support.problem.StateConflictException;

/** A vendor's M1 (CE marking) dossier for one app. Its state changes only through {@link #apply}. */
@Entity
@Table(name = "dossier")
public class Dossier {

    @Id
    public UUID id;

    @Column(name = "app_id", nullable = false, updatable = false)
    public UUID appId;

    @Column(name = "organization_id", nullable = false, updatable = false)
    public String organizationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DossierStatus status;

    @Embedded
    public Certificate certificate;

    @Column(name = "famhp_notification", nullable = false)
    public String famhpNotification;

    @Embedded
    public GdprDeclaration gdpr;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** When the dossier last entered the assessor's queue (submission or re-submission). */
    @Column(name = "submitted_at")
    private OffsetDateTime submittedAt;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    @Column(name = "decision_reason")
    private String decisionReason;

    /** The certificate's last day of validity, once the grant expired. */
    @Column(name = "certificate_expired_on")
    private LocalDate certificateExpiredOn;

    @Version
    @Column(nullable = false)
    public long version;

    protected Dossier() {
    }

    /** A new DRAFT; the caller records the returned CREATE transition. */
    public static Dossier open(UUID appId, String organizationId, String actor, OffsetDateTime at) {
        Dossier dossier = new Dossier();
        dossier.id = UUID.randomUUID();
        dossier.appId = appId;
        dossier.organizationId = organizationId;
        dossier.status = DossierStatus.DRAFT;
        dossier.createdBy = actor;
        dossier.createdAt = at;
        dossier.updatedAt = at;
        return dossier;
    }

    /**
     * Moves the dossier as the life cycle allows (409 otherwise) and returns the history entry. An expiry goes
     * through {@link #expire}, which also records the certificate's last day of validity.
     */
    public DossierTransition apply(DossierAction action, String actor, OffsetDateTime at, String reason) {
        if (action == DossierAction.EXPIRE) {
            throw new IllegalArgumentException("an expiry needs the certificate's last day of validity: use expire");
        }
        return transition(action, actor, at, reason);
    }

    /** APPROVED → EXPIRED (409 otherwise): the certificate was valid through {@code lastValidDay}. */
    public DossierTransition expire(LocalDate lastValidDay, String actor, OffsetDateTime at, String reason) {
        DossierTransition entry = transition(DossierAction.EXPIRE, actor, at, reason);
        certificateExpiredOn = lastValidDay;
        return entry;
    }

    private DossierTransition transition(DossierAction action, String actor, OffsetDateTime at, String reason) {
        DossierStatus from = status;
        status = DossierLifecycle.require(from, action);
        updatedAt = at;
        switch (action) {
            case SUBMIT -> submittedAt = at;
            case APPROVE, REJECT, REQUEST_INFO, REVOKE -> {
                decidedBy = actor;
                decidedAt = at;
                decisionReason = reason;
            }
            default -> {
                // the history entry is the whole record
            }
        }
        return DossierTransition.of(this, from, action, actor, at, reason);
    }

    /** The history entry of {@link #open}. */
    public DossierTransition creation() {
        return DossierTransition.of(this, null, DossierAction.CREATE, createdBy, createdAt, "dossier opened");
    }

    /** 409 unless the vendor may still change the content. */
    public void requireEditable(String action) {
        if (!status.editable()) {
            throw StateConflictException.illegalTransition(action, status);
        }
    }

    public DossierStatus status() {
        return status;
    }

    public OffsetDateTime submittedAt() {
        return submittedAt;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public OffsetDateTime decidedAt() {
        return decidedAt;
    }

    public String decisionReason() {
        return decisionReason;
    }

    public LocalDate certificateExpiredOn() {
        return certificateExpiredOn;
    }
}
