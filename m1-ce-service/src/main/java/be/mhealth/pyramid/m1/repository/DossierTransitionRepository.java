package be.mhealth.pyramid.m1.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import be.mhealth.pyramid.m1.domain.DossierTransition;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class DossierTransitionRepository implements PanacheRepositoryBase<DossierTransition, Long> {

    /** A dossier's history, oldest first. */
    public PanacheQuery<DossierTransition> history(UUID dossierId) {
        return find("dossierId", Sort.ascending("occurredAt").and("id"), dossierId);
    }
}
