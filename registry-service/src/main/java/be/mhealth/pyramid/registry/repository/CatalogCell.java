package be.mhealth.pyramid.registry.repository;

import java.util.Set;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.registry.domain.Category;
import be.mhealth.pyramid.registry.domain.Platform;
import be.mhealth.pyramid.registry.domain.TargetUser;

/**
 * How many catalog apps share one combination of the catalog's facets (a row of {@code catalog_cell}): listed apps at
 * {@code level}, or, with {@code level} null, formerly listed (delisted) ones.
 */
public record CatalogCell(Level level, Category category, Set<Platform> platforms, Set<TargetUser> targetUsers,
        long apps) {

    /** The facet whose own filter a count leaves out (facet counts), or none. */
    public enum Facet {
        NONE, LEVEL, CATEGORY, PLATFORM, TARGET_USER
    }

    public boolean delisted() {
        return level == null;
    }

    /**
     * True when the cell's apps pass the filter's facet filters, leaving {@code except}'s filter out. Delisted cells
     * pass only when the filter includes them, and never a level filter.
     */
    public boolean matches(CatalogFilter filter, Facet except) {
        if (delisted() && !filter.includeDelisted()) {
            return false;
        }
        return (except == Facet.LEVEL || (delisted() ? filter.minLevel() == null
                        : Level.reaches(level, filter.minLevel())))
                && (except == Facet.CATEGORY || filter.category() == null || filter.category() == category)
                && (except == Facet.PLATFORM || filter.platform() == null || platforms.contains(filter.platform()))
                && (except == Facet.TARGET_USER || filter.targetUser() == null
                        || targetUsers.contains(filter.targetUser()));
    }
}
