package be.mhealth.pyramid.m1.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.events.M1Events.ExpiryWarning;
import be.mhealth.pyramid.events.RegistryEvents.SignificantChange;
import be.mhealth.pyramid.m1.domain.M1Dossier;
import be.mhealth.pyramid.m1.domain.M1DossierState;

@Schema(name = "M1Dossier", description = "An M1 (CE marking) dossier", requiredProperties = { "id", "appId",
        "organizationId", "state", "certificate", "famhpNotification", "gdpr", "createdBy", "createdAt", "updatedAt",
        "version" })
public record M1DossierView(UUID id, UUID appId, String organizationId, M1DossierState state,
        M1Certificate certificate, String famhpNotification, M1GdprDeclaration gdpr, String createdBy,
        Instant createdAt, Instant updatedAt,
        @Schema(description = "The first submission") Instant submittedAt,
        @Schema(description = "The last (re-)submission: since when the dossier waits for FAMHP") Instant waitingSince,
        @Schema(description = "Who made the last decision (approval, rejection, information request, revocation)")
        String decidedBy,
        Instant decidedAt, String decisionReason,
        @Schema(description = "Once EXPIRED: the certificate's last day of validity") LocalDate certificateExpiredOn,
        @Schema(description = "A renewal: the dossier whose grant it renews (its approval replaces that grant)")
        UUID renewalOf,
        @Schema(description = "An active grant: the last expiry warning published for its certificate (90, then 30 "
                + "days before)") ExpiryWarning expiryWarning,
        @Schema(description = "The last extension of the certificate's validity") M1Extension extension,
        @Schema(description = "A grant awaiting FAMHP's re-assessment after a significant change")
        M1Reassessment reassessment,
        @Schema(description = "The dossier's version; also its ETag") long version) {

    static M1DossierView of(M1Dossier d) {
        return new M1DossierView(d.id(), d.appId(), d.organizationId(), d.state(),
                M1Certificate.of(d.certificate()), d.evidence().famhpNotification(),
                M1GdprDeclaration.of(d.evidence().gdpr()), d.createdBy(), d.createdAt(), d.updatedAt(),
                d.submittedAt(), d.waitingSince(), d.decidedBy(), d.decidedAt(), d.decisionReason(),
                d.certificateExpiredOn(), d.renewalOf(), d.expiryWarning(),
                d.extendedFrom() == null ? null : new M1Extension(d.extendedFrom(), d.extensionLegalBasis()),
                M1Reassessment.of(d),
                d.version());
    }

    @Schema(name = "M1Reassessment", requiredProperties = { "version", "significantChanges", "dueOn" })
    public record M1Reassessment(@Schema(description = "The app version that declared the change") String version,
            @Schema(description = "The significant changes that concern M1") List<SignificantChange> significantChanges,
            @Schema(description = "FAMHP's re-assessment is due by this day") LocalDate dueOn) {

        static M1Reassessment of(M1Dossier d) {
            return d.awaitsReassessment() ? new M1Reassessment(d.reassessmentVersion(),
                    Stream.of(d.reassessmentChanges().split(",")).map(SignificantChange::valueOf).toList(),
                    d.reassessmentDueOn()) : null;
        }
    }

    @Schema(name = "M1Extension", requiredProperties = { "previousExpiresOn", "legalBasis" })
    public record M1Extension(@Schema(description = "The expiry date before the extension") LocalDate previousExpiresOn,
            String legalBasis) {
    }
}
