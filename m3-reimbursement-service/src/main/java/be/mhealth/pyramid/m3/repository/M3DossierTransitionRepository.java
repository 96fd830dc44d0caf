package be.mhealth.pyramid.m3.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import be.mhealth.pyramid.m3.domain.M3DossierTransition;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class M3DossierTransitionRepository implements PanacheRepositoryBase<M3DossierTransition, Long> {

    /** A dossier's history, oldest first. */
    public PanacheQuery<M3DossierTransition> history(UUID dossierId) {
        return find("dossierId", Sort.ascending("occurredAt").and("id"), dossierId);
    }
}
