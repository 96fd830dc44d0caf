package be.mhealth.pyramid.m2.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import be.mhealth.pyramid.m2.domain.DossierEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class DossierEventRepository implements PanacheRepositoryBase<DossierEvent, Long> {

    public List<DossierEvent> historyOf(UUID dossierId) {
        return list("dossierId = ?1 order by sequence", dossierId);
    }
}
