package be.mhealth.pyramid.m1.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import be.mhealth.pyramid.m1.domain.M1DossierTransition;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class M1DossierTransitionRepository implements PanacheRepositoryBase<M1DossierTransition, Long> {

    /** A dossier's history, oldest first. */
    public PanacheQuery<M1DossierTransition> history(UUID dossierId) {
        return find("dossierId", Sort.ascending("occurredAt").and("id"), dossierId);
    }
}
