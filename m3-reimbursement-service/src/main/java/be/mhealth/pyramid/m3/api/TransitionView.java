package be.mhealth.pyramid.m3.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.m3.domain.DossierState;
import be.mhealth.pyramid.m3.domain.Transition;

@Schema(name = "DossierTransition", description = "One step of a dossier's history: what, who, when and why")
public record TransitionView(String action, DossierState fromState, DossierState toState, String actor,
        Instant at, String reason) {

    public static TransitionView of(Transition t) {
        return new TransitionView(t.action(), t.from(), t.to(), t.actor(), t.at(), t.reason());
    }
}
