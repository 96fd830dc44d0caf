package be.mhealth.pyramid.m3.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import be.mhealth.pyramid.support.dossier.DossierTransitionRecord;
import be.mhealth.pyramid.support.security.Actor;

/** One line of an M3 dossier's history, never changed once written: who moved it, when, why, from where to where. */
@Entity
@Table(name = "dossier_transition")
public class M3DossierTransition extends DossierTransitionRecord<M3DossierState, M3DossierAction> {

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state", updatable = false)
    private M3DossierState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false, updatable = false)
    private M3DossierState toState;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private M3DossierAction action;

    protected M3DossierTransition() {
    }

    private M3DossierTransition(UUID dossierId, M3DossierState from, M3DossierState to, M3DossierAction action,
            Actor by, String reason, Instant at) {
        super(dossierId, by, reason, at);
        this.fromState = from;
        this.toState = to;
        this.action = action;
    }

    static M3DossierTransition of(UUID dossierId, M3DossierState from, M3DossierState to, M3DossierAction action,
            Actor by, String reason, Instant at) {
        return new M3DossierTransition(dossierId, from, to, action, by, reason, at);
    }

    @Override
    public M3DossierState from() {
        return fromState;
    }

    @Override
    public M3DossierState to() {
        return toState;
    }

    @Override
    public M3DossierAction action() {
        return action;
    }
}
