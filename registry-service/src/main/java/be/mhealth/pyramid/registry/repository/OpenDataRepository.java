package be.mhealth.pyramid.registry.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.M3Events.ReimbursementKind;
import be.mhealth.pyramid.registry.domain.Category;
import be.mhealth.pyramid.registry.domain.Language;

/**
 * The open data's reads (Atom feed, CSV export, FHIR): plain JDBC into read-only rows, each query short and in its
 * own connection, so that a slow client never holds a transaction, a snapshot or a connection.
 */
@ApplicationScoped
public class OpenDataRepository {

    /**
     * The catalog's revision, when it last moved and the database's time of reading: the validators (ETag,
     * Last-Modified) of every open-data read.
     */
    public record Revision(long revision, OffsetDateTime changedAt, OffsetDateTime readAt) {
    }

    /** One public level change with the app's texts in one language. */
    public record ChangeRow(long id, UUID appId, Level from, Level to, String causeType, LocalDate effectiveOn,
            ReimbursementKind kind, OffsetDateTime changedAt, String name, String summary, Language textLanguage,
            Category category) {
    }

    /** A listed app as the CSV export shows it, its texts in one language. */
    public record ListedRow(UUID id, Level level, String name, String summary, Language textLanguage,
            Category category, List<String> platforms, List<String> targetUsers, String website,
            OffsetDateTime levelSince) {
    }

    /** A listed app with every language, as a FHIR DeviceDefinition shows it. */
    public record FhirAppRow(UUID id, Level level, String nameNl, String nameFr, String nameEn, String nameDe,
            String summaryNl, String summaryFr, String summaryEn, String summaryDe, Category category,
            List<String> platforms, List<String> targetUsers, String website, String supportEmail,
            String supportPhone, String supportUrl, OffsetDateTime levelSince, OffsetDateTime lastUpdated) {
    }

    /** The columns of a FHIR app row; {@code last_updated}: the latest change of the listing, level or grants. */
    static final String FHIR_COLUMNS = "a.id, a.effective_level, a.name_nl, a.name_fr, a.name_en, a.name_de, "
            + "a.summary_nl, a.summary_fr, a.summary_en, a.summary_de, a.category, "
            + "array_to_string(a.platforms, ','), array_to_string(a.target_users, ','), a.website, a.support_email, "
            + "a.support_phone, a.support_url, a.level_since, " + lastUpdated("a");

    private final DataSource dataSource;

    OpenDataRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The instant a FHIR resource of the app last changed (listing data, level, or one of its grants). */
    static String lastUpdated(String app) {
        return "greatest(" + app + ".updated_at, " + app + ".level_since, (select max(g.updated_at) from level_grant g "
                + "where g.app_id = " + app + ".id))";
    }

    public Revision revision() {
        return query("select revision, changed_at, clock_timestamp() from catalog_revision", List.of(),
                r -> new Revision(r.getLong(1), r.getObject(2, OffsetDateTime.class),
                        r.getObject(3, OffsetDateTime.class))).get(0);
    }

    /** Up to {@code limit} level changes, newest first, older than change {@code before} when given. */
    public List<ChangeRow> changes(Long before, int limit, Language language) {
        String sql = "select c.id, c.app_id, c.from_level, c.to_level, c.cause_event_type, c.effective_on, "
                + "c.reimbursement_kind, c.changed_at, " + texts(language) + ", a.category "
                + "from level_change c join app a on a.id = c.app_id "
                + (before == null ? "" : "where c.id < ? ") + "order by c.id desc limit ?";
        List<Object> parameters = new ArrayList<>();
        if (before != null) {
            parameters.add(before);
        }
        parameters.add(limit);
        return query(sql, parameters, r -> new ChangeRow(r.getLong(1), r.getObject(2, UUID.class),
                level(r.getString(3)), level(r.getString(4)), r.getString(5), r.getObject(6, LocalDate.class),
                r.getString(7) == null ? null : ReimbursementKind.valueOf(r.getString(7)),
                r.getObject(8, OffsetDateTime.class), r.getString(9), r.getString(10),
                language == Language.DE && r.getBoolean(11) ? Language.EN : language,
                Category.valueOf(r.getString(12))));
    }

    /**
     * Up to {@code limit} listed apps of one level in name order (the catalog's index of the language), after the
     * app {@code (afterName, afterId)} when given.
     */
    public List<ListedRow> listed(Level level, String afterName, UUID afterId, int limit, Language language) {
        String name = nameColumn(language);
        String sql = "select a.id, a.effective_level, " + texts(language) + ", a.category, "
                + "array_to_string(a.platforms, ','), array_to_string(a.target_users, ','), a.website, a.level_since "
                + "from app a where a.effective_level = ? "
                + (afterId == null ? "" : "and (" + name + ", a.id) > (?, ?) ")
                + "order by " + name + ", a.id limit ?";
        List<Object> parameters = new ArrayList<>();
        parameters.add(level.name());
        if (afterId != null) {
            parameters.add(afterName);
            parameters.add(afterId);
        }
        parameters.add(limit);
        return query(sql, parameters, r -> new ListedRow(r.getObject(1, UUID.class), Level.valueOf(r.getString(2)),
                r.getString(3), r.getString(4), language == Language.DE && r.getBoolean(5) ? Language.EN : language,
                Category.valueOf(r.getString(6)), split(r.getString(7)), split(r.getString(8)), r.getString(9),
                r.getObject(10, OffsetDateTime.class)));
    }

    /** The rows of a FHIR search: {@code where} (after {@code where a.effective_level is not null}) and its values. */
    public List<FhirAppRow> fhirApps(String where, List<Object> parameters, UUID after, int limit) {
        List<Object> values = new ArrayList<>(parameters);
        String sql = "select " + FHIR_COLUMNS + " from app a where a.effective_level is not null" + where
                + (after == null ? "" : " and a.id > ?") + " order by a.id limit ?";
        if (after != null) {
            values.add(after);
        }
        values.add(limit);
        return query(sql, values, OpenDataRepository::fhirApp);
    }

    /** How many listed apps match a FHIR search's {@code where}. */
    public long countFhirApps(String where, List<Object> parameters) {
        return query("select count(*) from app a where a.effective_level is not null" + where, parameters,
                r -> r.getLong(1)).get(0);
    }

    /** Whether the app once held a level (it has a level history): a listed app that left, not one never listed. */
    public boolean wasListed(UUID appId) {
        return !query("select 1 from level_change where app_id = ? limit 1", List.of(appId), r -> 1).isEmpty();
    }

    /** Whether the app ever had an M3 grant (an ended or no longer counting reimbursement). */
    public boolean hadReimbursement(UUID appId) {
        return !query("select 1 from level_grant where app_id = ? and level = 'M3'", List.of(appId), r -> 1).isEmpty();
    }

    private static FhirAppRow fhirApp(ResultSet r) throws SQLException {
        return new FhirAppRow(r.getObject(1, UUID.class), Level.valueOf(r.getString(2)), r.getString(3),
                r.getString(4), r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9),
                r.getString(10), Category.valueOf(r.getString(11)), split(r.getString(12)), split(r.getString(13)),
                r.getString(14), r.getString(15), r.getString(16), r.getString(17),
                r.getObject(18, OffsetDateTime.class), r.getObject(19, OffsetDateTime.class));
    }

    /** Name, summary and whether German fell back to English, in that order. */
    private static String texts(Language language) {
        return switch (language) {
            case DE -> "coalesce(a.name_de, a.name_en), coalesce(a.summary_de, a.summary_en), a.name_de is null";
            default -> "a.name_" + language.code() + ", a.summary_" + language.code() + ", false";
        };
    }

    /** The name expression of the catalog index of {@code language} ({@code app_catalog_<lang>}). */
    private static String nameColumn(Language language) {
        return language == Language.DE ? "coalesce(a.name_de, a.name_en)" : "a.name_" + language.code();
    }

    private static Level level(String value) {
        return value == null ? null : Level.valueOf(value);
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private <T> List<T> query(String sql, List<Object> parameters, RowMapper<T> mapper) {
        List<T> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                Object value = parameters.get(i);
                if (value instanceof String[] array) {
                    s.setArray(i + 1, c.createArrayOf("text", array));
                } else if (value instanceof UUID[] array) {
                    s.setArray(i + 1, c.createArrayOf("uuid", array));
                } else {
                    s.setObject(i + 1, value);
                }
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(mapper.map(r));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading open data failed", e);
        }
        return rows;
    }
}
