package be.mhealth.pyramid.m2.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.m2.domain.M2DossierAction;
import be.mhealth.pyramid.m2.domain.M2DossierState;
import be.mhealth.pyramid.m2.domain.M2DossierTransition;
import be.mhealth.pyramid.support.dossier.HistoryEntry;

@Schema(name = "M2HistoryEntry", description = "One step of a dossier's history: who, when, why",
        requiredProperties = { "to", "action", "actor", "reason", "at" })
public record M2HistoryEntry(
        @Schema(description = "Absent for the creation") M2DossierState from,
        M2DossierState to,
        M2DossierAction action,
        @Schema(description = "The user, or the eHealth platform's system client") String actor,
        String reason,
        Instant at) implements HistoryEntry<M2DossierState, M2DossierAction> {

    static M2HistoryEntry of(M2DossierTransition t) {
        return new M2HistoryEntry(t.from(), t.to(), t.action(), t.actor(), t.reason(), t.at());
    }
}
