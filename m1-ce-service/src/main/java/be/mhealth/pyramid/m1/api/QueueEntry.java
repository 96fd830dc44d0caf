package be.mhealth.pyramid.m1.api;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.m1.domain.DeviceClass;
import be.mhealth.pyramid.m1.domain.Dossier;
import be.mhealth.pyramid.m1.domain.DossierStatus;
import be.mhealth.pyramid.m1.domain.Regulation;

@Schema(description = "A dossier waiting for the FAMHP assessor")
public record QueueEntry(UUID dossierId, UUID appId, String organizationId, DossierStatus status,
        Regulation regulation, DeviceClass deviceClass, OffsetDateTime submittedAt,
        @Schema(description = "Seconds since the (last) submission") long waitingSeconds,
        @Schema(description = "The same as an ISO-8601 duration", example = "PT26H5M") String waiting) {

    static QueueEntry of(Dossier d, OffsetDateTime now) {
        Duration waited = Duration.between(d.submittedAt(), now);
        if (waited.isNegative()) {
            waited = Duration.ZERO;
        }
        return new QueueEntry(d.id, d.appId, d.organizationId, d.status(), d.certificate.regulation,
                d.certificate.deviceClass, d.submittedAt(), waited.toSeconds(), waited.withNanos(0).toString());
    }
}
