package be.mhealth.pyramid.registry.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.M3Events.ReimbursementKind;
import be.mhealth.pyramid.events.RegistryEvents.MarketWithdrawalReason;

/**
 * One change of an app's effective level: from, to, the event that caused it, who, why (the authority's reason as it
 * came, with the decision's date or kind; the text is composed when read) and when.
 */
@Entity
@Table(name = "level_change")
public class LevelChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "app_id", nullable = false)
    public UUID appId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_level")
    public Level fromLevel;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_level")
    public Level toLevel;

    @Column(name = "cause_event_id", nullable = false)
    public String causeEventId;

    @Column(name = "cause_event_type", nullable = false)
    public String causeEventType;

    @Column(nullable = false)
    public String actor;

    /** The authority's reason as it came with the decision (absent for grants and reasonless ends). */
    public String reason;

    /** The decision's date: the certificate's last valid day (M1 expiry), the reimbursement's end (M3 end). */
    @Column(name = "effective_on")
    public LocalDate effectiveOn;

    /** For an M3 grant: TEMPORARY or DEFINITIVE. */
    @Enumerated(EnumType.STRING)
    @Column(name = "reimbursement_kind")
    public ReimbursementKind reimbursementKind;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;

    /** For a change to no level: the public reason category. */
    @Enumerated(EnumType.STRING)
    @Column(name = "delisting_reason")
    public DelistingReason delistingReason;

    /** For a market withdrawal: the vendor's public category (its own text is not part of the history). */
    @Enumerated(EnumType.STRING)
    @Column(name = "withdrawal_category")
    public MarketWithdrawalReason withdrawalCategory;

    /** The history's text, e.g. "M1 revoked: certificate suspended". */
    public String summary() {
        return DecisionText.of(causeEventType, effectiveOn, reimbursementKind, withdrawalCategory, reason);
    }
}
