package be.mhealth.pyramid.m1.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One step of a dossier's history: who moved it, when, why, from which state to which. */
@Entity
@Table(name = "dossier_transition")
public class DossierTransition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "dossier_id", nullable = false, updatable = false)
    public UUID dossierId;

    /** Null for the creation. */
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", updatable = false)
    public DossierStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, updatable = false)
    public DossierStatus toStatus;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public DossierAction action;

    @Column(nullable = false, updatable = false)
    public String actor;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public OffsetDateTime occurredAt;

    @Column(nullable = false, updatable = false)
    public String reason;

    static DossierTransition of(Dossier dossier, DossierStatus from, DossierAction action, String actor,
            OffsetDateTime at, String reason) {
        DossierTransition t = new DossierTransition();
        t.dossierId = dossier.id;
        t.fromStatus = from;
        t.toStatus = dossier.status();
        t.action = action;
        t.actor = actor;
        t.occurredAt = at;
        t.reason = reason;
        return t;
    }
}
