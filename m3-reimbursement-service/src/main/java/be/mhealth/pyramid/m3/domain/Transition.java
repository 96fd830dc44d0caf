package be.mhealth.pyramid.m3.domain;

import java.time.Instant;

/** One recorded step of a dossier: what happened, from which state to which, who did it, when and why. */
public record Transition(String action, DossierState from, DossierState to, String actor, Instant at,
        String reason) {
}
