package be.mhealth.pyramid.registry.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.registry.domain.App;
import be.mhealth.pyramid.registry.domain.LevelGrant;
import be.mhealth.pyramid.registry.repository.AppRepository;
import be.mhealth.pyramid.registry.repository.CatalogFilter;
import be.mhealth.pyramid.registry.repository.CatalogRepository;
import be.mhealth.pyramid.registry.repository.LevelGrantRepository;

/** The public catalog: listed apps only, filtered, in catalog order, with their grants. */
@ApplicationScoped
public class CatalogService {

    /** One page: the apps in catalog order, their grants by app id, and the total matching. */
    public record Result(List<App> apps, Map<UUID, List<LevelGrant>> grants, long total) {
    }

    private final CatalogRepository catalog;
    private final AppRepository apps;
    private final LevelGrantRepository grants;

    CatalogService(CatalogRepository catalog, AppRepository apps, LevelGrantRepository grants) {
        this.catalog = catalog;
        this.apps = apps;
        this.grants = grants;
    }

    public Result search(CatalogFilter filter, int page, int size) {
        long total = catalog.count(filter);
        List<UUID> ids = total == 0 ? List.of() : catalog.pageIds(filter, page, size);
        if (ids.isEmpty()) {
            return new Result(List.of(), Map.of(), total);
        }
        Map<UUID, App> byId = apps.list("id in ?1", ids).stream()
                .collect(Collectors.toMap(a -> a.id, Function.identity()));
        Map<UUID, List<LevelGrant>> grantsByApp = grants.forApps(ids).stream()
                .collect(Collectors.groupingBy(g -> g.appId));
        return new Result(ids.stream().map(byId::get).toList(), grantsByApp, total);
    }

    public Map<Level, Long> listedPerLevel() {
        return catalog.countPerLevel();
    }
}
