package be.mhealth.pyramid.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import be.mhealth.pyramid.events.Limits.MaxLength;

/** Payloads of {@code m1.decisions.v1} (CE marking, FAMHP). */
public final class M1Events {
    private M1Events() {
    }

    /**
     * FAMHP confirmed the CE marking. The certificate's facts and the vendor's GDPR declaration, as the dossier holds
     * them, travel with the grant so that the registry can publish them. {@code notifiedBody} (null for class I) and
     * the data-protection fields were added later: a consumer reading an older payload gets null for them.
     * {@code legalBasis}, {@code dataArea} and {@code transferMechanism} are M1's codes (e.g. CONSENT, EU_EEA,
     * STANDARD_CONTRACTUAL_CLAUSES); {@code dataCountry} and {@code transferMechanism} only for a third country.
     * {@code replacesDossierId} (added later too) names the dossier whose grant this one renews: the new grant
     * replaces the old one in one step; null for a first grant.
     */
    public record M1Granted(UUID appId, UUID dossierId,
            @MaxLength(Limits.REGULATION) String regulation,
            @MaxLength(Limits.DEVICE_CLASS) String deviceClass,
            @MaxLength(Limits.CERTIFICATE_NUMBER) String certificateNumber,
            LocalDate certificateExpiresOn,
            @MaxLength(Limits.ACTOR) String decidedBy,
            Instant decidedAt,
            @MaxLength(Limits.NOTIFIED_BODY) String notifiedBody,
            @MaxLength(Limits.LEGAL_BASIS) String legalBasis,
            @MaxLength(Limits.DATA_AREA) String dataArea,
            @MaxLength(Limits.COUNTRY_CODE) String dataCountry,
            @MaxLength(Limits.TRANSFER_MECHANISM) String transferMechanism,
            @MaxLength(Limits.DPO_CONTACT) String dpoContact,
            @MaxLength(Limits.PRIVACY_POLICY_URL) String privacyPolicyUrl,
            UUID replacesDossierId) implements AppEvent {

        /** A grant without the later facts (notified body, data protection), as older producers sent it. */
        public M1Granted(UUID appId, UUID dossierId, String regulation, String deviceClass, String certificateNumber,
                LocalDate certificateExpiresOn, String decidedBy, Instant decidedAt) {
            this(appId, dossierId, regulation, deviceClass, certificateNumber, certificateExpiresOn, decidedBy,
                    decidedAt, null, null, null, null, null, null, null, null);
        }
    }

    /**
     * FAMHP extended the validity of the certificate behind an active grant (e.g. under Regulation (EU) 2023/607):
     * the grant stands until {@code certificateExpiresOn} instead of {@code previousExpiresOn}.
     */
    public record M1CertificateExtended(UUID appId, UUID dossierId, LocalDate previousExpiresOn,
            LocalDate certificateExpiresOn, @MaxLength(Limits.EXTENSION_LEGAL_BASIS) String legalBasis,
            @MaxLength(Limits.REASON) String reason, @MaxLength(Limits.ACTOR) String decidedBy, Instant decidedAt)
            implements AppEvent {
    }

    /**
     * The certificate behind an active grant expires within {@code warning}'s days (90, then 30; each published once
     * per expiry date): time for the vendor to open a renewal. Not a decision: no level changes.
     */
    public record M1CertificateExpiring(UUID appId, UUID dossierId,
            @MaxLength(Limits.ORGANIZATION_ID) String organizationId, LocalDate certificateExpiresOn,
            ExpiryWarning warning, Instant at) implements AppEvent {
    }

    /** The expiry warnings, earliest first. */
    public enum ExpiryWarning {
        DAYS_90(90), DAYS_30(30);

        private final int days;

        ExpiryWarning(int days) {
            this.days = days;
        }

        /** How many days before the expiry date the warning is due. */
        public int days() {
            return days;
        }
    }

    public record M1Rejected(UUID appId, UUID dossierId, @MaxLength(Limits.REASON) String reason,
            @MaxLength(Limits.ACTOR) String decidedBy, Instant decidedAt) implements AppEvent {
    }

    public record M1Revoked(UUID appId, UUID dossierId, @MaxLength(Limits.REASON) String reason,
            @MaxLength(Limits.ACTOR) String decidedBy, Instant decidedAt) implements AppEvent {
    }

    /**
     * The certificate behind an active grant is no longer valid: its expiry date passed (recorded by the M1
     * service itself), or FAMHP established that it expired earlier than the dossier stated.
     * {@code certificateExpiredOn} is its last day of validity. {@code reason} and {@code decidedBy} were added
     * later: a consumer reading an older payload gets null for both.
     */
    public record M1Expired(UUID appId, UUID dossierId, LocalDate certificateExpiredOn,
            @MaxLength(Limits.REASON) String reason, @MaxLength(Limits.ACTOR) String decidedBy, Instant expiredAt)
            implements AppEvent {
    }
}
