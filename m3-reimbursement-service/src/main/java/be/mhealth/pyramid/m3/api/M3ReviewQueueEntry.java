package be.mhealth.pyramid.m3.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.m3.domain.M3Dossier;
import be.mhealth.pyramid.m3.domain.M3DossierState;
import be.mhealth.pyramid.support.dossier.QueuedDossier;
import be.mhealth.pyramid.support.dossier.ReviewQueueEntry;

/** With {@code dueDate}: NIHDI's procedure runs statutory clocks. */
@Schema(name = "M3ReviewQueueEntry", description = "A dossier waiting for NIHDI", requiredProperties = {
        "dossierId", "appId", "state", "submittedAt", "waitingSince", "dueDate" })
public record M3ReviewQueueEntry(UUID dossierId, UUID appId,
        @Schema(description = "The app's name per language code; absent until the registry's copy carries it")
        Map<String, String> appName,
        M3DossierState state,
        @Schema(description = "The first submission") Instant submittedAt,
        @Schema(description = "The last time the dossier came (back) to NIHDI") Instant waitingSince,
        @Schema(description = "When NIHDI's current step (admissibility or evaluation) is due, clock stops included; "
                + "overdue from the day after") LocalDate dueDate)
        implements ReviewQueueEntry<M3DossierState> {

    static M3ReviewQueueEntry of(QueuedDossier<M3Dossier> queued) {
        M3Dossier d = queued.dossier();
        return new M3ReviewQueueEntry(d.id(), d.appId(), queued.appName(), d.state(), d.submittedAt(),
                d.waitingSince(), d.dueOn());
    }
}
