package be.mhealth.pyramid.m1.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.m1.domain.M1Dossier;
import be.mhealth.pyramid.m1.domain.M1DossierState;
import be.mhealth.pyramid.support.dossier.QueuedDossier;
import be.mhealth.pyramid.support.dossier.ReviewQueueEntry;

/**
 * FAMHP's first review runs no statutory clock: {@code dueDate} is set for a grant awaiting re-assessment (the date
 * it is due by) and, in the list of grants expiring soon, for each grant (its certificate's expiry date).
 */
@Schema(name = "M1ReviewQueueEntry", description = "A dossier waiting for FAMHP", requiredProperties = {
        "dossierId", "appId", "state", "submittedAt", "waitingSince" })
public record M1ReviewQueueEntry(UUID dossierId, UUID appId,
        @Schema(description = "The app's name per language code; absent until the registry's copy carries it")
        Map<String, String> appName,
        M1DossierState state,
        @Schema(description = "The first submission") Instant submittedAt,
        @Schema(description = "The last (re-)submission; the queue's order") Instant waitingSince,
        @Schema(description = "A grant awaiting re-assessment: the date it is due by; a grant expiring soon "
                + "(`expiringWithinDays`): the certificate's last day of validity") LocalDate dueDate)
        implements ReviewQueueEntry<M1DossierState> {

    static M1ReviewQueueEntry of(QueuedDossier<M1Dossier> queued) {
        M1Dossier d = queued.dossier();
        return new M1ReviewQueueEntry(d.id(), d.appId(), queued.appName(), d.state(), d.submittedAt(),
                d.waitingSince(), d.awaitsReassessment() ? d.reassessmentDueOn() : null);
    }

    static M1ReviewQueueEntry expiring(QueuedDossier<M1Dossier> queued) {
        M1Dossier d = queued.dossier();
        return new M1ReviewQueueEntry(d.id(), d.appId(), queued.appName(), d.state(), d.submittedAt(),
                d.waitingSince(), d.certificate().expiresOn());
    }
}
