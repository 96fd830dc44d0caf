package be.mhealth.pyramid.registry.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.registry.domain.LevelGrant;
import be.mhealth.pyramid.registry.repository.CatalogCountsRepository;
import be.mhealth.pyramid.registry.repository.CatalogCountsRepository.Snapshot;
import be.mhealth.pyramid.registry.repository.CatalogFilter;
import be.mhealth.pyramid.registry.repository.CatalogQuery;
import be.mhealth.pyramid.registry.repository.CatalogRepository;
import be.mhealth.pyramid.registry.repository.CatalogRow;

/**
 * The public catalog: listed apps (and, on request, delisted ones), filtered, in catalog order, with their grants, the
 * total and the facet
 * counts. Totals and facets come from {@code catalog_cell} (kept exact by the database in every writing
 * transaction), held in memory per catalog revision, so that no request counts apps; only a text search counts
 * its matches.
 */
@ApplicationScoped
public class CatalogService {

    /**
     * One page: the apps in catalog order, their grants by app id, the total and facets, and the sort key after
     * which the next page starts (null on the last page).
     */
    public record Result(List<CatalogRow> apps, Map<UUID, List<LevelGrant>> grants, long total, CatalogFacets facets,
            CatalogQuery.After next) {
    }

    private final CatalogRepository catalog;
    private final CatalogCountsRepository counts;
    private volatile Snapshot snapshot = new Snapshot(Long.MIN_VALUE, List.of());

    CatalogService(CatalogRepository catalog, CatalogCountsRepository counts) {
        this.catalog = catalog;
        this.counts = counts;
    }

    /** The catalog's current revision: read it before the data it labels (ETags). */
    public long revision() {
        return counts.revision();
    }

    /** Page {@code page}, or, when {@code after} is given, the page after that sort key. */
    public Result search(CatalogFilter filter, long revision, int page, int size, CatalogQuery.After after) {
        CatalogFacets.Counts counted = CatalogFacets.count(filter.text() == null ? cells(revision).cells()
                : counts.cellsMatchingText(new CatalogQuery(filter)), filter);
        if (counted.total() == 0) {
            return new Result(List.of(), Map.of(), 0, counted.facets(), null);
        }
        // One row more than the page tells whether another page follows.
        List<CatalogRow> rows = after == null ? catalog.page(filter, page, size, size + 1)
                : catalog.pageAfter(filter, after, size + 1);
        List<CatalogRow> apps = rows.size() > size ? rows.subList(0, size) : rows;
        CatalogQuery.After next = null;
        if (rows.size() > size) {
            CatalogRow last = apps.get(apps.size() - 1);
            next = new CatalogQuery.After(last.level(), last.name(), last.id());
        }
        Map<UUID, List<LevelGrant>> grantsByApp = catalog.activeGrants(apps.stream().map(CatalogRow::id).toList());
        return new Result(apps, grantsByApp, counted.total(), counted.facets(), next);
    }

    /** Listed apps per effective level. */
    public Map<Level, Long> listedPerLevel(long revision) {
        return CatalogFacets.perLevel(cells(revision).cells());
    }

    /** Formerly listed apps now without a level. */
    public long delisted(long revision) {
        return CatalogFacets.delisted(cells(revision).cells());
    }

    /** The cells of {@code revision} or a later one; read from the database only when the revision moved. */
    private Snapshot cells(long revision) {
        Snapshot current = snapshot;
        if (current.revision() >= revision) {
            return current;
        }
        Snapshot loaded = counts.snapshot();
        if (loaded.revision() > snapshot.revision()) {
            snapshot = loaded;
        }
        return loaded;
    }
}
