package be.mhealth.pyramid.registry.repository;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import be.mhealth.pyramid.registry.domain.AppVersion;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class AppVersionRepository implements PanacheRepositoryBase<AppVersion, UUID> {

    /** Newest first. */
    public List<AppVersion> forApp(UUID appId, int page, int size) {
        return find("appId", Sort.descending("seq"), appId).page(page, size).list();
    }

    public boolean exists(UUID appId, String version) {
        return count("appId = ?1 and version = ?2", appId, version) > 0;
    }

    public long countForApp(UUID appId) {
        return count("appId", appId);
    }

    /** These versions by id (e.g. the current versions of a page of apps). */
    public Map<UUID, AppVersion> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? Map.of()
                : list("id in ?1", ids).stream().collect(Collectors.toMap(v -> v.id, Function.identity()));
    }
}
