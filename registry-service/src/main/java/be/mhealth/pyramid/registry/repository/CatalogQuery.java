package be.mhealth.pyramid.registry.repository;

import java.util.LinkedHashMap;
import java.util.Map;

import be.mhealth.pyramid.registry.domain.Language;

/**
 * The catalog's SQL for one filter. The expressions match the partial indexes of V1__apps.sql exactly
 * (listed apps only; name and search text per language), so that PostgreSQL can use them; see the
 * module README for the plans.
 */
public final class CatalogQuery {

    private final String where;
    private final String orderBy;
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    public CatalogQuery(CatalogFilter filter) {
        StringBuilder sql = new StringBuilder(" from app a where a.effective_level is not null");
        if (filter.minLevel() != null) {
            sql.append(" and a.effective_level >= :minLevel");
            parameters.put("minLevel", filter.minLevel().name());
        }
        if (filter.category() != null) {
            sql.append(" and a.category = :category");
            parameters.put("category", filter.category().name());
        }
        if (filter.platform() != null) {
            sql.append(" and a.platforms @> array[cast(:platform as text)]");
            parameters.put("platform", filter.platform().name());
        }
        if (filter.targetUser() != null) {
            sql.append(" and a.target_users @> array[cast(:targetUser as text)]");
            parameters.put("targetUser", filter.targetUser().name());
        }
        if (filter.text() != null) {
            sql.append(" and ").append(searchText(filter.language())).append(" ilike :pattern");
            parameters.put("pattern", "%" + escapeLike(filter.text()) + "%");
        }
        where = sql.toString();
        orderBy = " order by a.effective_level desc, " + name(filter.language()) + ", a.id";
    }

    /** The ids of one page, in catalog order. */
    public String pageSql() {
        return "select a.id" + where + orderBy + " limit :limit offset :offset";
    }

    public String countSql() {
        return "select count(*)" + where;
    }

    /** The filter's parameters (the page SQL also takes {@code limit} and {@code offset}). */
    public Map<String, Object> parameters() {
        return parameters;
    }

    static String name(Language language) {
        return language == Language.DE ? "coalesce(a.name_de, a.name_en)" : "a.name_" + language.code();
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
