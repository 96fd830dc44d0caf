package be.mhealth.pyramid.m1.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import be.mhealth.pyramid.support.dossier.DossierTransitionRecord;
import be.mhealth.pyramid.support.security.Actor;

/** One line of an M1 dossier's history, never changed once written: who moved it, when, why, from where to where. */
@Entity
@Table(name = "dossier_transition")
public class M1DossierTransition extends DossierTransitionRecord<M1DossierState, M1DossierAction> {

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state", updatable = false)
    private M1DossierState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false, updatable = false)
    private M1DossierState toState;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private M1DossierAction action;

    protected M1DossierTransition() {
    }

    private M1DossierTransition(UUID dossierId, M1DossierState from, M1DossierState to, M1DossierAction action,
            Actor by, String reason, Instant at) {
        super(dossierId, by, reason, at);
        this.fromState = from;
        this.toState = to;
        this.action = action;
    }

    static M1DossierTransition of(UUID dossierId, M1DossierState from, M1DossierState to, M1DossierAction action,
            Actor by, String reason, Instant at) {
        return new M1DossierTransition(dossierId, from, to, action, by, reason, at);
    }

    @Override
    public M1DossierState from() {
        return fromState;
    }

    @Override
    public M1DossierState to() {
        return toState;
    }

    @Override
    public M1DossierAction action() {
        return action;
    }
}
