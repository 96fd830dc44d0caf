package be.mhealth.pyramid.m2.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import be.mhealth.pyramid.m2.domain.M2DossierTransition;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class M2DossierTransitionRepository implements PanacheRepositoryBase<M2DossierTransition, Long> {

    /** A dossier's history, oldest first. */
    public PanacheQuery<M2DossierTransition> history(UUID dossierId) {
        return find("dossierId", Sort.ascending("occurredAt").and("id"), dossierId);
    }
}
