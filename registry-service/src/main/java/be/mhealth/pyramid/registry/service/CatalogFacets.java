package be.mhealth.pyramid.registry.service;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.registry.domain.Category;
import be.mhealth.pyramid.registry.domain.Platform;
import be.mhealth.pyramid.registry.domain.TargetUser;
import be.mhealth.pyramid.registry.repository.CatalogCell;
import be.mhealth.pyramid.registry.repository.CatalogCell.Facet;
import be.mhealth.pyramid.registry.repository.CatalogFilter;

/**
 * Facet counts for a catalog request: for every value of a facet, the {@code total} the same request would have
 * with that facet's parameter set to that value (the other filters kept). So {@code level.M2} counts apps at M2 or
 * above, as {@code level=M2} does, and an app on iOS and Android counts under both platforms. Delisted apps (included
 * on request) count under category, platform and target user, never under a level.
 */
@Schema(name = "CatalogFacets", requiredProperties = { "level", "category", "platform", "targetUser" }, description = "for each value of each facet, the total of this request with that "
        + "facet's parameter set to the value (the other filters kept)")
public record CatalogFacets(Map<Level, Long> level, Map<Category, Long> category, Map<Platform, Long> platform,
        Map<TargetUser, Long> targetUser) {

    /** The total and the facet counts of {@code filter} over {@code cells} (which already honour its text). */
    public record Counts(long total, CatalogFacets facets) {
    }

    public static Counts count(Collection<CatalogCell> cells, CatalogFilter filter) {
        long total = 0;
        Map<Level, Long> level = zeros(Level.class);
        Map<Category, Long> category = zeros(Category.class);
        Map<Platform, Long> platform = zeros(Platform.class);
        Map<TargetUser, Long> targetUser = zeros(TargetUser.class);
        for (CatalogCell cell : cells) {
            if (cell.matches(filter, Facet.NONE)) {
                total += cell.apps();
            }
            if (!cell.delisted() && cell.matches(filter, Facet.LEVEL)) {
                for (Level l : Level.values()) {
                    if (cell.level().atLeast(l)) {
                        level.merge(l, cell.apps(), Long::sum);
                    }
                }
            }
            if (cell.matches(filter, Facet.CATEGORY)) {
                category.merge(cell.category(), cell.apps(), Long::sum);
            }
            if (cell.matches(filter, Facet.PLATFORM)) {
                cell.platforms().forEach(p -> platform.merge(p, cell.apps(), Long::sum));
            }
            if (cell.matches(filter, Facet.TARGET_USER)) {
                cell.targetUsers().forEach(t -> targetUser.merge(t, cell.apps(), Long::sum));
            }
        }
        return new Counts(total, new CatalogFacets(level, category, platform, targetUser));
    }

    /** Listed apps per effective level (exactly that level), every level present. */
    public static Map<Level, Long> perLevel(Collection<CatalogCell> cells) {
        Map<Level, Long> counts = zeros(Level.class);
        cells.stream().filter(c -> !c.delisted()).forEach(c -> counts.merge(c.level(), c.apps(), Long::sum));
        return counts;
    }

    /** Formerly listed apps now without a level. */
    public static long delisted(Collection<CatalogCell> cells) {
        return cells.stream().filter(CatalogCell::delisted).mapToLong(CatalogCell::apps).sum();
    }

    private static <E extends Enum<E>> Map<E, Long> zeros(Class<E> type) {
        Map<E, Long> map = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            map.put(e, 0L);
        }
        return map;
    }
}
