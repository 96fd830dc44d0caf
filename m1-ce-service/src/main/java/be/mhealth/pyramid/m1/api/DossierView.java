package be.mhealth.pyramid.m1.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.m1.domain.Dossier;
import be.mhealth.pyramid.m1.domain.DossierStatus;

@Schema(description = "An M1 dossier")
public record DossierView(UUID id, UUID appId, String organizationId, DossierStatus status,
        CertificateData certificate, String famhpNotification, GdprData gdpr, String createdBy,
        OffsetDateTime createdAt, OffsetDateTime updatedAt,
        @Schema(description = "When the dossier last entered the review queue") OffsetDateTime submittedAt,
        String decidedBy, OffsetDateTime decidedAt, String decisionReason,
        @Schema(description = "Once EXPIRED: the certificate's last day of validity") LocalDate certificateExpiredOn,
        @Schema(description = "Optimistic-lock version; also the ETag") long version) {

    static DossierView of(Dossier d) {
        return new DossierView(d.id, d.appId, d.organizationId, d.status(), CertificateData.of(d.certificate),
                d.famhpNotification, GdprData.of(d.gdpr), d.createdBy, d.createdAt, d.updatedAt, d.submittedAt(),
                d.decidedBy(), d.decidedAt(), d.decisionReason(), d.certificateExpiredOn(), d.version);
    }
}
