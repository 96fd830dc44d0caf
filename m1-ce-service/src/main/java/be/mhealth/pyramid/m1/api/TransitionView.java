package be.mhealth.pyramid.m1.api;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.m1.domain.DossierAction;
import be.mhealth.pyramid.m1.domain.DossierStatus;
import be.mhealth.pyramid.m1.domain.DossierTransition;

@Schema(description = "One step of a dossier's history: who, when, why")
public record TransitionView(DossierStatus from, DossierStatus to, DossierAction action, String by,
        OffsetDateTime at, String reason) {

    static TransitionView of(DossierTransition t) {
        return new TransitionView(t.fromStatus, t.toStatus, t.action, t.actor, t.occurredAt, t.reason);
    }
}
