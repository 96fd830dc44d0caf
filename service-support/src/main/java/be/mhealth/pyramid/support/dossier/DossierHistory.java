package be.mhealth.pyramid.support.dossier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import be.mhealth.pyramid.events.DossierEvents.DossierStateChanged;
import be.mhealth.pyramid.support.outbox.Outbox;

/**
 * Records every transition of every level's dossiers, the creation included: the level's history row and its
 * {@code DossierStateChanged} event ({@code m1|m2|m3.dossier-state-changed}, carrying the kind of actor, never a
 * name) go into the caller's transaction, so both commit with the change or neither does.
 */
@ApplicationScoped
public class DossierHistory {

    private final EntityManager em;
    private final Outbox outbox;

    DossierHistory(EntityManager em, Outbox outbox) {
        this.em = em;
        this.outbox = outbox;
    }

    /** Stores {@code transition} (an entity) and publishes its event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(LevelDossier dossier, StateTransition<?, ?> transition) {
        if (!dossier.id().equals(transition.dossierId())) {
            throw new IllegalArgumentException("transition of dossier " + transition.dossierId() + " recorded for "
                    + dossier.id());
        }
        em.persist(transition);
        outbox.publish(new DossierStateChanged(dossier.appId(), dossier.id(), dossier.organizationId(),
                dossier.level(), transition.from() == null ? null : transition.from().name(),
                transition.to().name(), transition.action().name(), transition.actedBy(), transition.reason(),
                transition.at()));
    }
}
