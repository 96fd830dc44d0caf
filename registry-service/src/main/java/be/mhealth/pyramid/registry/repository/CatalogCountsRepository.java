package be.mhealth.pyramid.registry.repository;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.registry.domain.Category;
import be.mhealth.pyramid.registry.domain.Platform;
import be.mhealth.pyramid.registry.domain.TargetUser;

/**
 * The catalog's counts: {@code catalog_cell} (listed apps per level and facets; delisted apps as cells without a level)
 * and {@code catalog_revision}, kept by the triggers of V3__catalog_counts.sql and V4 in the transaction of every
 * change to an app.
 */
@ApplicationScoped
public class CatalogCountsRepository {

    /** The cells as of one revision. */
    public record Snapshot(long revision, List<CatalogCell> cells) {
    }

    private final EntityManager em;
    private final DataSource dataSource;

    CatalogCountsRepository(EntityManager em, DataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    /** Moves (in commit order) with every change a catalog read can show. Plain JDBC: read on every request. */
    public long revision() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select revision from catalog_revision")) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the catalog revision failed", e);
        }
    }

    /** The revision and the non-empty cells, read in one statement (one snapshot). */
    public Snapshot snapshot() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select r.revision, c.effective_level, c.category, "
                + "array_to_string(c.platforms, ','), array_to_string(c.target_users, ','), c.apps "
                + "from catalog_revision r left join catalog_cell c on c.apps > 0").getResultList();
        long revision = ((Number) rows.get(0)[0]).longValue();
        List<CatalogCell> cells = new ArrayList<>();
        for (Object[] row : rows) {
            if (row[2] != null) {
                cells.add(cell(row, 1, ((Number) row[5]).longValue()));
            }
        }
        return new Snapshot(revision, List.copyOf(cells));
    }

    /**
     * Cells computed on the fly for the apps matching a text search (delisted ones too when the query includes them;
     * the facet filters are applied by the caller).
     */
    public List<CatalogCell> cellsMatchingText(CatalogQuery query) {
        Query sql = em.createNativeQuery(query.textCellsSql());
        query.textParameters().forEach(sql::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = sql.getResultList();
        return rows.stream().map(row -> cell(row, 0, ((Number) row[4]).longValue())).toList();
    }

    private static CatalogCell cell(Object[] row, int from, long apps) {
        return new CatalogCell(row[from] == null ? null : Level.valueOf(row[from].toString()),
                Category.valueOf(row[from + 1].toString()),
                set(Platform.class, row[from + 2]), set(TargetUser.class, row[from + 3]), apps);
    }

    private static <E extends Enum<E>> Set<E> set(Class<E> type, Object joined) {
        EnumSet<E> set = EnumSet.noneOf(type);
        if (joined != null && !joined.toString().isEmpty()) {
            for (String name : joined.toString().split(",")) {
                set.add(Enum.valueOf(type, name));
            }
        }
        return set;
    }
}
