package be.mhealth.pyramid.m3.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stored {@link Transition}: the dossier's history, never changed once written. */
@Entity
@Table(name = "dossier_transition")
public class DossierTransition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "dossier_id", nullable = false, updatable = false)
    private UUID dossierId;

    @Column(nullable = false, updatable = false)
    private String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state", updatable = false)
    private DossierState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false, updatable = false)
    private DossierState toState;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false)
    private String reason;

    protected DossierTransition() {
        // for JPA
    }

    public static DossierTransition of(UUID dossierId, Transition t) {
        DossierTransition row = new DossierTransition();
        row.dossierId = dossierId;
        row.action = t.action();
        row.fromState = t.from();
        row.toState = t.to();
        row.actor = t.actor();
        row.occurredAt = t.at();
        row.reason = t.reason();
        return row;
    }

    public Transition transition() {
        return new Transition(action, fromState, toState, actor, occurredAt, reason);
    }
}
