package be.mhealth.pyramid.m1.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.m1.domain.M1DossierAction;
import be.mhealth.pyramid.m1.domain.M1DossierState;
import be.mhealth.pyramid.m1.domain.M1DossierTransition;
import be.mhealth.pyramid.support.dossier.HistoryEntry;

@Schema(name = "M1HistoryEntry", description = "One step of a dossier's history: who, when, why",
        requiredProperties = { "to", "action", "actor", "reason", "at" })
public record M1HistoryEntry(
        @Schema(description = "Absent for the creation") M1DossierState from,
        M1DossierState to,
        M1DossierAction action,
        @Schema(description = "The user, the authority's system client, or m1-ce-service for the expiry job")
        String actor,
        String reason,
        Instant at) implements HistoryEntry<M1DossierState, M1DossierAction> {

    static M1HistoryEntry of(M1DossierTransition t) {
        return new M1HistoryEntry(t.from(), t.to(), t.action(), t.actor(), t.reason(), t.at());
    }
}
