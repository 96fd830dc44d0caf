package be.mhealth.pyramid.registry.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.M3Events.ReimbursementKind;

/**
 * The latest grant of one level for one app, with the facts the catalog shows. A new grant of the level
 * replaces it; a revocation, expiry or end makes it inactive (its facts stay for the record).
 */
@Entity
@Table(name = "level_grant")
@IdClass(LevelGrant.Key.class)
public class LevelGrant {

    public record Key(UUID appId, Level level) {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "app_id")
    public UUID appId;

    @Id
    @Enumerated(EnumType.STRING)
    public Level level;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "dossier_id")
    public UUID dossierId;
    @Column(name = "granted_at")
    public OffsetDateTime grantedAt;
    @Column(name = "granted_by")
    public String grantedBy;
    @Column(name = "grant_event_id", nullable = false)
    public String grantEventId;

    @Column(name = "ended_at")
    public OffsetDateTime endedAt;
    @Column(name = "ended_by")
    public String endedBy;
    /** The authority's reason as it came with the end event. */
    @Column(name = "end_reason")
    public String endReason;
    @Column(name = "end_event_id")
    public String endEventId;
    @Column(name = "end_event_type")
    public String endEventType;
    /** The end event's date: the certificate's last valid day (M1 expiry), the reimbursement's end (M3 end). */
    @Column(name = "end_effective_on")
    public LocalDate endEffectiveOn;

    public String regulation;
    @Column(name = "device_class")
    public String deviceClass;
    @Column(name = "certificate_number")
    public String certificateNumber;
    @Column(name = "certificate_expires_on")
    public LocalDate certificateExpiresOn;
    @Column(name = "notified_body")
    public String notifiedBody;
    /** The vendor's GDPR declaration as M1 granted it (M1's codes); null for grants recorded before it travelled. */
    @Column(name = "legal_basis")
    public String legalBasis;
    @Column(name = "data_area")
    public String dataArea;
    @Column(name = "data_country")
    public String dataCountry;
    @Column(name = "transfer_mechanism")
    public String transferMechanism;
    @Column(name = "dpo_contact")
    public String dpoContact;
    @Column(name = "privacy_policy_url")
    public String privacyPolicyUrl;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "criteria_met", columnDefinition = "text[]")
    public String[] criteriaMet;

    @Enumerated(EnumType.STRING)
    @Column(name = "reimbursement_kind")
    public ReimbursementKind reimbursementKind;
    @Column(name = "nomenclature_code")
    public String nomenclatureCode;
    public BigDecimal amount;
    public String unit;
    @Column(name = "start_date")
    public LocalDate startDate;
    @Column(name = "end_date")
    public LocalDate endDate;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Starts a fresh active grant from a granted event, dropping the facts of the one it replaces. */
    public void grant(UUID dossier, String by, OffsetDateTime at, String eventId) {
        active = true;
        dossierId = dossier;
        grantedBy = by;
        grantedAt = at;
        grantEventId = eventId;
        endedAt = null;
        endedBy = null;
        endReason = null;
        endEventId = null;
        endEventType = null;
        endEffectiveOn = null;
        regulation = null;
        deviceClass = null;
        certificateNumber = null;
        certificateExpiresOn = null;
        notifiedBody = null;
        legalBasis = null;
        dataArea = null;
        dataCountry = null;
        transferMechanism = null;
        dpoContact = null;
        privacyPolicyUrl = null;
        criteriaMet = null;
        reimbursementKind = null;
        nomenclatureCode = null;
        amount = null;
        unit = null;
        startDate = null;
        endDate = null;
    }

    /** Ends the grant (revoked, expired, ended), keeping the event's reason and date as they came. */
    public void end(String by, OffsetDateTime at, String eventId, String eventType, String reason,
            LocalDate effectiveOn) {
        active = false;
        endedBy = by;
        endedAt = at;
        endEventId = eventId;
        endEventType = eventType;
        endReason = reason;
        endEffectiveOn = effectiveOn;
    }

    /** Why the grant ended, as the history says it ("M1 revoked: …"); null while active. */
    public String endSummary() {
        return endEventType == null ? null : DecisionText.of(endEventType, endEffectiveOn, null, null, endReason);
    }

    /** An end event concerns this grant unless it names another dossier than the one granted. */
    public boolean concerns(UUID dossier) {
        return dossier == null || dossierId == null || dossier.equals(dossierId);
    }

    public List<String> criteria() {
        return criteriaMet == null ? List.of() : List.of(criteriaMet);
    }
}
