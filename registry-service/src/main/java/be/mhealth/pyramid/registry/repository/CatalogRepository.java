package be.mhealth.pyramid.registry.repository;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import be.mhealth.pyramid.events.Level;

/** The public catalog's reads: native SQL shaped for the catalog indexes. */
@ApplicationScoped
public class CatalogRepository {

    private final EntityManager em;

    CatalogRepository(EntityManager em) {
        this.em = em;
    }

    public List<UUID> pageIds(CatalogFilter filter, int page, int size) {
        CatalogQuery query = new CatalogQuery(filter);
        Query sql = bind(em.createNativeQuery(query.pageSql(), UUID.class), query)
                .setParameter("limit", size)
                .setParameter("offset", (long) page * size);
        @SuppressWarnings("unchecked")
        List<UUID> ids = sql.getResultList();
        return ids;
    }

    public long count(CatalogFilter filter) {
        CatalogQuery query = new CatalogQuery(filter);
        return ((Number) bind(em.createNativeQuery(query.countSql()), query).getSingleResult()).longValue();
    }

    /** Listed apps per effective level (levels without apps count 0). */
    public Map<Level, Long> countPerLevel() {
        Map<Level, Long> counts = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            counts.put(level, 0L);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select a.effective_level, count(*) from app a "
                + "where a.effective_level is not null group by a.effective_level").getResultList();
        for (Object[] row : rows) {
            counts.put(Level.valueOf(row[0].toString()), ((Number) row[1]).longValue());
        }
        return counts;
    }

    private static Query bind(Query sql, CatalogQuery query) {
        query.parameters().forEach(sql::setParameter);
        return sql;
    }
}
