package be.mhealth.pyramid.registry.repository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.registry.domain.LevelGrant;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class LevelGrantRepository implements PanacheRepositoryBase<LevelGrant, LevelGrant.Key> {

    public Optional<LevelGrant> find(UUID appId, Level level) {
        return findByIdOptional(new LevelGrant.Key(appId, level));
    }

    public List<LevelGrant> forApp(UUID appId) {
        return list("appId", appId);
    }

    public List<LevelGrant> forApps(Collection<UUID> appIds) {
        return appIds.isEmpty() ? List.of() : list("appId in ?1", appIds);
    }
}
