package be.mhealth.pyramid.m2.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import be.mhealth.pyramid.support.dossier.DossierTransitionRecord;
import be.mhealth.pyramid.support.security.Actor;

/** One line of an M2 dossier's history, never changed once written: who moved it, when, why, from where to where. */
@Entity
@Table(name = "m2_dossier_transition")
public class M2DossierTransition extends DossierTransitionRecord<M2DossierState, M2DossierAction> {

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state", updatable = false)
    private M2DossierState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false, updatable = false)
    private M2DossierState toState;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private M2DossierAction action;

    protected M2DossierTransition() {
    }

    private M2DossierTransition(UUID dossierId, M2DossierState from, M2DossierState to, M2DossierAction action,
            Actor by, String reason, Instant at) {
        super(dossierId, by, reason, at);
        this.fromState = from;
        this.toState = to;
        this.action = action;
    }

    static M2DossierTransition of(UUID dossierId, M2DossierState from, M2DossierState to, M2DossierAction action,
            Actor by, String reason, Instant at) {
        return new M2DossierTransition(dossierId, from, to, action, by, reason, at);
    }

    @Override
    public M2DossierState from() {
        return fromState;
    }

    @Override
    public M2DossierState to() {
        return toState;
    }

    @Override
    public M2DossierAction action() {
        return action;
    }
}
