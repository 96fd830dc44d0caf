package be.mhealth.pyramid.m3.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.m3.domain.M3DossierAction;
import be.mhealth.pyramid.m3.domain.M3DossierState;
import be.mhealth.pyramid.m3.domain.M3DossierTransition;
import be.mhealth.pyramid.support.dossier.HistoryEntry;

@Schema(name = "M3HistoryEntry", description = "One step of a dossier's history: who, when, why",
        requiredProperties = { "to", "action", "actor", "reason", "at" })
public record M3HistoryEntry(
        @Schema(description = "Absent for the creation") M3DossierState from,
        M3DossierState to,
        M3DossierAction action,
        @Schema(description = "The user, the authority's system client, or m3-reimbursement-service (the clock "
                + "job, a market withdrawal)")
        String actor,
        String reason,
        Instant at) implements HistoryEntry<M3DossierState, M3DossierAction> {

    static M3HistoryEntry of(M3DossierTransition t) {
        return new M3HistoryEntry(t.from(), t.to(), t.action(), t.actor(), t.reason(), t.at());
    }
}
