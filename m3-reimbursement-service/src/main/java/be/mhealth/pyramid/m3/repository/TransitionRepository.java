package be.mhealth.pyramid.m3.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import be.mhealth.pyramid.m3.domain.DossierTransition;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class TransitionRepository implements PanacheRepositoryBase<DossierTransition, Long> {

    /** A dossier's history, oldest first. */
    public PanacheQuery<DossierTransition> ofDossier(UUID dossierId) {
        return find("dossierId", Sort.ascending("id"), dossierId);
    }
}
