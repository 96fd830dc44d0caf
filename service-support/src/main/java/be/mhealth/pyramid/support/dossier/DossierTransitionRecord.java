package be.mhealth.pyramid.support.dossier;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import be.mhealth.pyramid.support.security.Actor;

/**
 * The columns every level's history line shares — which dossier, who ({@code actor}, {@code acted_by}), why, when —
 * never changed once written. Each level's entity ({@code M1DossierTransition} …) adds its typed {@code from_state},
 * {@code to_state} and {@code action} and names its table.
 */
@MappedSuperclass
public abstract class DossierTransitionRecord<S extends Enum<S>, A extends Enum<A>> implements StateTransition<S, A> {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "dossier_id", nullable = false, updatable = false)
    private UUID dossierId;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(name = "acted_by", nullable = false, updatable = false)
    private String actedBy;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    protected DossierTransitionRecord() {
    }

    protected DossierTransitionRecord(UUID dossierId, Actor by, String reason, Instant at) {
        this.dossierId = dossierId;
        this.actor = by.name();
        this.actedBy = by.kind();
        this.reason = reason;
        this.occurredAt = at;
    }

    @Override
    public UUID dossierId() {
        return dossierId;
    }

    @Override
    public String actor() {
        return actor;
    }

    @Override
    public String actedBy() {
        return actedBy;
    }

    @Override
    public String reason() {
        return reason;
    }

    @Override
    public Instant at() {
        return occurredAt;
    }
}
