package be.mhealth.pyramid.registry.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import be.mhealth.pyramid.registry.domain.App;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class AppRepository implements PanacheRepositoryBase<App, UUID> {

    /** The app, row-locked until the transaction ends (level changes and edits of one app queue up). */
    public Optional<App> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<App> ownedBy(String organization, int page, int size) {
        return find("organizationId", Sort.by("nameEn").and("id"), organization).page(page, size).list();
    }

    public long countOwnedBy(String organization) {
        return count("organizationId", organization);
    }
}
