package be.mhealth.pyramid.registry.repository;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.registry.domain.Language;

/**
 * The catalog's SQL for one filter. The expressions match the partial indexes of V1__apps.sql, V3 and V4 exactly
 * (listed apps; delisted apps; name and search text per language), so that PostgreSQL can use them; see the module
 * README for the plans. With delisted apps included, they follow the listed ones (which have a level): each page is
 * the listed apps' index walk and the delisted apps' index walk glued by {@code union all}.
 */
public final class CatalogQuery {

    /** Where a keyset page starts: after the app with this sort key (level, name in the language, id). */
    public record After(Level level, String name, UUID id) {
        /** The key of a delisted app (they have no level and follow every listed one). */
        public boolean delisted() {
            return level == null;
        }
    }

    private static final String LISTED = " from app a where a.effective_level is not null";
    private static final String DELISTED = " from app a where a.effective_level is null and a.delisted_at is not null";

    private final boolean delisted;
    private final boolean delistedInTextCounts;
    private final String where;
    private final String delistedWhere;
    private final String textWhere;
    private final String delistedTextWhere;
    private final String name;
    private final String orderBy;
    private final String delistedOrderBy;
    private final String columns;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final Map<String, Object> textParameters = new LinkedHashMap<>();

    public CatalogQuery(CatalogFilter filter) {
        StringBuilder level = new StringBuilder();
        if (filter.minLevel() != null) {
            level.append(" and a.effective_level >= :minLevel");
            parameters.put("minLevel", filter.minLevel().name());
        }
        StringBuilder facets = new StringBuilder();
        if (filter.category() != null) {
            facets.append(" and a.category = :category");
            parameters.put("category", filter.category().name());
        }
        if (filter.platform() != null) {
            facets.append(" and a.platforms @> array[cast(:platform as text)]");
            parameters.put("platform", filter.platform().name());
        }
        if (filter.targetUser() != null) {
            facets.append(" and a.target_users @> array[cast(:targetUser as text)]");
            parameters.put("targetUser", filter.targetUser().name());
        }
        String text = "";
        if (filter.text() != null) {
            text = " and " + searchText(filter.language()) + " ilike :pattern";
            textParameters.put("pattern", "%" + escapeLike(filter.text()) + "%");
            parameters.putAll(textParameters);
        }
        delisted = filter.matchesDelisted();
        delistedInTextCounts = filter.includeDelisted();
        where = LISTED + level + facets + text;
        delistedWhere = DELISTED + facets + text;
        textWhere = LISTED + text;
        delistedTextWhere = DELISTED + text;
        name = name(filter.language());
        orderBy = " order by a.effective_level desc, " + name + ", a.id";
        delistedOrderBy = " order by " + name + ", a.id";
        columns = "a.id, a.effective_level, " + name + " as name, " + summary(filter.language()) + " as summary, "
                + "a.name_de is null as no_de, a.category, array_to_string(a.platforms, ','), "
                + "array_to_string(a.target_users, ','), a.website, a.delisted_at, a.delisting_reason";
    }

    /**
     * The rows of one page, in catalog order (offset paging: costs {@code offset} index entries): id, level, name,
     * summary, whether German texts are missing, category, platforms, target users (comma-separated), website, and
     * for delisted apps since when and why.
     */
    public String pageSql() {
        if (!delisted) {
            return "select " + columns + where + orderBy + " limit :limit offset :offset";
        }
        return "select p.* from ((select " + columns + where + orderBy + " limit (:limit + :offset))"
                + " union all (select " + columns + delistedWhere + delistedOrderBy + " limit (:limit + :offset))) p"
                + OUTER_ORDER + " limit :limit offset :offset";
    }

    private static final String OUTER_ORDER = " order by p.effective_level desc nulls last, p.name, p.id";

    /**
     * The rows after a sort key, in catalog order (keyset paging: costs the same at any depth). Index range scans: the
     * rest of the key's level after its (name, id), then the lower levels, then (when included) the delisted apps; after
     * a delisted app's key, the delisted apps after its (name, id).
     */
    public String pageAfterSql(After after) {
        if (after.delisted()) {
            return "select " + columns + delistedWhere + " and (" + name + ", a.id) > (:afterName, :afterId)"
                    + delistedOrderBy + " limit :limit";
        }
        return "select p.* from ((select " + columns + where
                + " and a.effective_level = :afterLevel and (" + name + ", a.id) > (:afterName, :afterId)"
                + " order by " + name + ", a.id limit :limit)"
                + " union all (select " + columns + where + " and a.effective_level < :afterLevel" + orderBy
                + " limit :limit)"
                + (delisted ? " union all (select " + columns + delistedWhere + delistedOrderBy + " limit :limit)" : "")
                + ") p" + OUTER_ORDER + " limit :limit";
    }

    public static Map<String, Object> afterParameters(After after) {
        Map<String, Object> parameters = new HashMap<>();
        if (!after.delisted()) {
            parameters.put("afterLevel", after.level().name());
        }
        parameters.put("afterName", after.name());
        parameters.put("afterId", after.id());
        return parameters;
    }

    /** A count of the matching apps (tests compare the kept counts with it). */
    public String countSql() {
        return "select (select count(*)" + where + ")"
                + (delisted ? " + (select count(*)" + delistedWhere + ")" : "");
    }

    /**
     * The catalog cells of the apps matching the text filter alone (level, category, platforms, target users, count),
     * for its total and facet counts: listed apps and, when included, delisted ones (without a level).
     */
    public String textCellsSql() {
        String cells = "effective_level, category, platforms, target_users";
        String listed = "select a.effective_level, a.category, a.platforms, a.target_users" + textWhere;
        String all = delistedInTextCounts ? "(" + listed + ") union all (select a.effective_level, a.category, "
                + "a.platforms, a.target_users" + delistedTextWhere + ")" : listed;
        return "select effective_level, category, array_to_string(platforms, ','), array_to_string(target_users, ','), "
                + "count(*) from (" + all + ") m group by " + cells;
    }

    /** The filter's parameters (the page SQL also takes {@code limit} and {@code offset}). */
    public Map<String, Object> parameters() {
        return parameters;
    }

    public Map<String, Object> textParameters() {
        return textParameters;
    }

    static String name(Language language) {
        return language == Language.DE ? "coalesce(a.name_de, a.name_en)" : "a.name_" + language.code();
    }

    static String summary(Language language) {
        return language == Language.DE ? "coalesce(a.summary_de, a.summary_en)" : "a.summary_" + language.code();
    }

    static String searchText(Language language) {
        return language == Language.DE
                ? "(coalesce(a.name_de, a.name_en) || ' ' || coalesce(a.summary_de, a.summary_en))"
                : "(a.name_" + language.code() + " || ' ' || a.summary_" + language.code() + ")";
    }

    /** The text is matched literally: LIKE's wildcards and escape character lose their meaning. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
