package be.mhealth.pyramid.registry.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import be.mhealth.pyramid.registry.domain.LevelChange;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class LevelChangeRepository implements PanacheRepositoryBase<LevelChange, Long> {

    /** Oldest first. */
    public List<LevelChange> forApp(UUID appId, int page, int size) {
        return find("appId", Sort.by("id"), appId).page(page, size).list();
    }

    public long countForApp(UUID appId) {
        return count("appId", appId);
    }
}
