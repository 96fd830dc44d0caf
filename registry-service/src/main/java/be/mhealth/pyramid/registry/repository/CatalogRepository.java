package be.mhealth.pyramid.registry.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.M3Events.ReimbursementKind;
import be.mhealth.pyramid.registry.domain.Category;
import be.mhealth.pyramid.registry.domain.DelistingReason;
import be.mhealth.pyramid.registry.domain.Language;
import be.mhealth.pyramid.registry.domain.LevelGrant;

/**
 * The public catalog's reads: SQL shaped for the catalog indexes, run as plain JDBC into read-only rows (no
 * entities: the catalog reads many rows and changes none, and entity loading cost more than the queries).
 */
@ApplicationScoped
public class CatalogRepository {

    private static final Pattern NAMED = Pattern.compile("(?<![:\\w]):(\\w+)");

    private final EntityManager em;
    private final DataSource dataSource;

    CatalogRepository(EntityManager em, DataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    /** Up to {@code limit} rows of page {@code page} (pages of {@code size}), in catalog order. */
    public List<CatalogRow> page(CatalogFilter filter, int page, int size, int limit) {
        CatalogQuery query = new CatalogQuery(filter);
        Map<String, Object> parameters = new HashMap<>(query.parameters());
        parameters.put("limit", limit);
        parameters.put("offset", (long) page * size);
        return rows(query.pageSql(), parameters, filter.language());
    }

    /** Up to {@code limit} rows after {@code after} (a listed or a delisted app's key), in catalog order. */
    public List<CatalogRow> pageAfter(CatalogFilter filter, CatalogQuery.After after, int limit) {
        CatalogQuery query = new CatalogQuery(filter);
        Map<String, Object> parameters = new HashMap<>(query.parameters());
        parameters.putAll(CatalogQuery.afterParameters(after));
        parameters.put("limit", limit);
        return rows(query.pageAfterSql(after), parameters, filter.language());
    }

    /** The active grants of these apps, with the facts catalog items show, by app id. */
    public Map<UUID, List<LevelGrant>> activeGrants(Collection<UUID> appIds) {
        Map<UUID, List<LevelGrant>> grants = new HashMap<>();
        if (appIds.isEmpty()) {
            return grants;
        }
        String sql = "select app_id, level, granted_at, regulation, device_class, certificate_number, "
                + "certificate_expires_on, array_to_string(criteria_met, ','), reimbursement_kind, nomenclature_code, "
                + "amount, unit, start_date, end_date from level_grant where active and app_id = any(?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("uuid", appIds.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    LevelGrant g = new LevelGrant();
                    g.appId = r.getObject(1, UUID.class);
                    g.level = Level.valueOf(r.getString(2));
                    g.active = true;
                    g.grantedAt = r.getObject(3, OffsetDateTime.class);
                    g.regulation = r.getString(4);
                    g.deviceClass = r.getString(5);
                    g.certificateNumber = r.getString(6);
                    g.certificateExpiresOn = r.getObject(7, LocalDate.class);
                    String criteria = r.getString(8);
                    g.criteriaMet = criteria == null ? null : criteria.isEmpty() ? new String[0] : criteria.split(",");
                    String kind = r.getString(9);
                    g.reimbursementKind = kind == null ? null : ReimbursementKind.valueOf(kind);
                    g.nomenclatureCode = r.getString(10);
                    g.amount = r.getBigDecimal(11);
                    g.unit = r.getString(12);
                    g.startDate = r.getObject(13, LocalDate.class);
                    g.endDate = r.getObject(14, LocalDate.class);
                    grants.computeIfAbsent(g.appId, id -> new ArrayList<>(3)).add(g);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading grants failed", e);
        }
        return grants;
    }

    /** The exact number of matching apps, counted (the service answers totals from catalog_cell instead). */
    public long count(CatalogFilter filter) {
        CatalogQuery query = new CatalogQuery(filter);
        Query sql = em.createNativeQuery(query.countSql());
        query.parameters().forEach(sql::setParameter);
        return ((Number) sql.getSingleResult()).longValue();
    }

    private List<CatalogRow> rows(String namedSql, Map<String, Object> parameters, Language language) {
        List<Object> values = new ArrayList<>();
        Matcher m = NAMED.matcher(namedSql);
        StringBuilder sql = new StringBuilder();
        while (m.find()) {
            if (!parameters.containsKey(m.group(1))) {
                throw new IllegalArgumentException("no value for :" + m.group(1));
            }
            values.add(parameters.get(m.group(1)));
            m.appendReplacement(sql, "?");
        }
        m.appendTail(sql);
        List<CatalogRow> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                s.setObject(i + 1, values.get(i));
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String level = r.getString(2);
                    String delistingReason = r.getString(11);
                    rows.add(new CatalogRow(r.getObject(1, UUID.class), level == null ? null : Level.valueOf(level),
                            r.getString(3), r.getString(4),
                            language == Language.DE && r.getBoolean(5) ? Language.EN : language,
                            Category.valueOf(r.getString(6)), split(r.getString(7)), split(r.getString(8)),
                            r.getString(9), r.getObject(10, OffsetDateTime.class),
                            delistingReason == null ? null : DelistingReason.valueOf(delistingReason)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the catalog failed", e);
        }
        return rows;
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }
}
