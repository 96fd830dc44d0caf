package be.mhealth.pyramid.m2.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.m2.domain.M2Dossier;
import be.mhealth.pyramid.m2.domain.M2DossierState;
import be.mhealth.pyramid.support.dossier.QueuedDossier;
import be.mhealth.pyramid.support.dossier.ReviewQueueEntry;

/**
 * The eHealth platform's first review runs no statutory clock: {@code dueDate} is set only for a grant awaiting
 * re-assessment after a significant change (the date it is due by).
 */
@Schema(name = "M2ReviewQueueEntry", description = "A dossier waiting for test results or the eHealth platform's "
        + "decision", requiredProperties = { "dossierId", "appId", "state", "submittedAt", "waitingSince" })
public record M2ReviewQueueEntry(UUID dossierId, UUID appId,
        @Schema(description = "The app's name per language code; absent until the registry's copy carries it")
        Map<String, String> appName,
        M2DossierState state,
        @Schema(description = "The first submission") Instant submittedAt,
        @Schema(description = "The last (re-)submission, or the declaration of a significant change; the queue's "
                + "order") Instant waitingSince,
        @Schema(description = "A grant awaiting re-assessment: the date it is due by") LocalDate dueDate)
        implements ReviewQueueEntry<M2DossierState> {

    static M2ReviewQueueEntry of(QueuedDossier<M2Dossier> queued) {
        M2Dossier d = queued.dossier();
        return new M2ReviewQueueEntry(d.id(), d.appId(), queued.appName(), d.state(), d.submittedAt(),
                d.waitingSince(), d.awaitsReassessment() ? d.reassessmentDueOn() : null);
    }
}
