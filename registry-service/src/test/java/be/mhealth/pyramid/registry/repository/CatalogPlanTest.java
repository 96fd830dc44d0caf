package be.mhealth.pyramid.registry.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.registry.domain.Category;
import be.mhealth.pyramid.registry.domain.Language;
import be.mhealth.pyramid.registry.domain.Platform;
import be.mhealth.pyramid.registry.domain.TargetUser;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * With 100,000 app records (with descriptions of some 500 characters, as real listings have), every catalog
 * query shape is answered from the catalog indexes: no sequential scan of the app table, and keyset pages start
 * inside the index. Asserts plans, not timings.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class CatalogPlanTest {

    private static final Logger LOG = Logger.getLogger(CatalogPlanTest.class);
    private static final String ORGANIZATION = "plan-test";

    @Inject
    DataSource dataSource;

    @Inject
    EntityManager em;

    @Test
    void catalogQueriesUseTheIndexesAt100kApps() throws SQLException {
        insertApps(100_000);
        // As autovacuum would: statistics and a current visibility map (index-only scans rely on it).
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            sql("vacuum analyze app");
            return allVisibleShare() > 0.95;
        });
        String someText = QuarkusTransaction.requiringNew().call(() -> (String) em
                .createNativeQuery("select substring(md5('4249') from 2 for 8)").getSingleResult());

        List<CatalogFilter> filters = List.of(
                filter(null, null, null, null, null, Language.EN),
                filter(Level.M2, null, null, null, null, Language.NL),
                filter(null, Category.DIABETES, null, null, null, Language.FR),
                filter(null, null, Platform.WEB, null, null, Language.EN),
                filter(null, null, null, TargetUser.HEALTHCARE_PROFESSIONAL, null, Language.DE),
                filter(Level.M1, Category.CARDIOLOGY, Platform.IOS, TargetUser.PATIENT, null, Language.EN),
                filter(null, null, null, null, someText, Language.EN),
                filter(null, null, null, null, someText, Language.NL),
                filter(null, null, null, null, someText, Language.FR),
                filter(null, null, null, null, someText, Language.DE),
                filter(Level.M2, Category.ONCOLOGY, null, null, someText, Language.EN),
                // With the delisted apps (10 % of all here): they follow the listed ones.
                delisted(null, null, null, Language.EN),
                delisted(Category.DIABETES, null, null, Language.FR),
                delisted(null, Platform.WEB, null, Language.DE),
                delisted(null, null, someText, Language.NL),
                delisted(Category.ONCOLOGY, null, someText, Language.EN));
        for (CatalogFilter filter : filters) {
            CatalogQuery query = new CatalogQuery(filter);
            assertUsesIndexes(filter + " page", plan(query.pageSql(), query.parameters(),
                    Map.of("limit", 21, "offset", 0L)));
            CatalogQuery.After key = new CatalogQuery.After(Level.M2, "App 8", UUID.randomUUID());
            Map<String, Object> after = new HashMap<>(CatalogQuery.afterParameters(key));
            after.put("limit", 21);
            String keyset = plan(query.pageAfterSql(key), query.parameters(), after);
            assertUsesIndexes(filter + " page after a key", keyset);
            if (filter.includeDelisted()) {
                assertThat(plan(query.pageSql(), query.parameters(), Map.of("limit", 21, "offset", 0L)))
                        .as("%s page", filter).containsPattern("(Index|Bitmap).* (using|on) app_delisted_\\w+");
                CatalogQuery.After delistedKey = new CatalogQuery.After(null, "App 8", UUID.randomUUID());
                Map<String, Object> afterDelisted = new HashMap<>(CatalogQuery.afterParameters(delistedKey));
                afterDelisted.put("limit", 21);
                String delistedKeyset = plan(query.pageAfterSql(delistedKey), query.parameters(), afterDelisted);
                assertUsesIndexes(filter + " page after a delisted key", delistedKeyset);
                if (filter.text() == null && filter.category() == null && filter.platform() == null) {
                    assertThat(delistedKeyset).as("delisted keyset page of %s", filter)
                            .containsPattern("Index Cond: .*ROW\\(");
                }
            }
            if (filter.text() == null && filter.category() == null && filter.platform() == null
                    && filter.targetUser() == null) {
                // The key is an index condition: the scan starts at the key (any sort is of one page's rows). With
                // selective filters PostgreSQL may rather sort the few matches of the filter's index.
                assertThat(keyset).as("keyset page of %s", filter).containsPattern("Index Cond: .*ROW\\(");
            } else if (filter.text() != null) {
                String cells = plan(query.textCellsSql(), query.textParameters(), Map.of());
                assertUsesIndexes(filter + " text cells", cells);
                if (filter.includeDelisted()) {
                    assertThat(cells).as("%s text cells", filter).contains("Bitmap Index Scan on app_delisted_search_");
                }
            }
        }
        // The counts the triggers kept through the bulk insert equal a count of the rows.
        assertThat(sum("select coalesce(sum(apps), 0) from catalog_cell where effective_level is not null"))
                .isEqualTo(sum("select count(*) from app where effective_level is not null"));
        assertThat(sum("select coalesce(sum(apps), 0) from catalog_cell where effective_level is null"))
                .isEqualTo(sum("select count(*) from app where delisted_at is not null"))
                .isGreaterThanOrEqualTo(10_000);
        assertThat(sum("select coalesce(sum(apps), 0) from catalog_cell where effective_level is null "
                + "and category = 'DIABETES'"))
                .isEqualTo(sum("select count(*) from app where delisted_at is not null and category = 'DIABETES'"));
        assertThat(sum("select coalesce(sum(apps), 0) from catalog_cell where category = 'DIABETES' "
                + "and platforms @> array['WEB'] and effective_level >= 'M2'"))
                .isEqualTo(sum("select count(*) from app where effective_level >= 'M2' and category = 'DIABETES' "
                        + "and platforms @> array['WEB']"));
    }

    /**
     * A newly listed app goes straight into the trigram indexes that text searches read, not into GIN's pending list,
     * which every search would scan in full until a vacuum flushed it (V6).
     */
    @Test
    void newlyListedAppsGoStraightIntoTheSearchIndexes() throws SQLException {
        insertApps(2_000);
        for (String index : List.of("app_search_nl", "app_search_fr", "app_search_en", "app_search_de",
                "app_delisted_search_nl", "app_delisted_search_fr", "app_delisted_search_en",
                "app_delisted_search_de")) {
            // The pages a pending list held, moved into the index by this call: none.
            assertThat(sum("select gin_clean_pending_list('" + index + "'::regclass)")).as(index).isZero();
        }
    }

    /** {@code count} apps of ORGANIZATION: 60 % listed (M1 30 %, M2 20 %, M3 10 %), 10 % delisted. */
    private void insertApps(int count) throws SQLException {
        sql("""
                insert into app (id, organization_id, name_nl, name_fr, name_en, name_de,
                    summary_nl, summary_fr, summary_en, summary_de, description, category, target_users, platforms, website,
                    support_email, supported_languages, effective_level, delisted_at, delisting_reason, version,
                    created_at, created_by, updated_at, updated_by)
                select gen_random_uuid(), 'plan-test',
                    'App ' || left(md5(i::text), 10), 'Appli ' || left(md5(i::text), 10),
                    'App ' || left(md5(i::text), 10), case when i % 4 = 0 then 'Anwendung ' || left(md5(i::text), 10) end,
                    'Over ' || left(md5((-i)::text), 10), 'Sur ' || left(md5((-i)::text), 10),
                    'About ' || left(md5((-i)::text), 10),
                    case when i % 4 = 0 then 'Über ' || left(md5((-i)::text), 10) end,
                    jsonb_build_object('en', 'App ' || i || ' helps patients. ' || repeat('Lorem ipsum dolor. ', 25)),
                    (array['CARDIOLOGY','DIABETES','MENTAL_HEALTH','ONCOLOGY','RESPIRATORY','REHABILITATION',
                           'NEUROLOGY','MUSCULOSKELETAL','PREGNANCY','SLEEP','PREVENTION','OTHER'])[1 + i % 12],
                    case when i % 3 = 0 then array['HEALTHCARE_PROFESSIONAL','PATIENT'] else array['PATIENT'] end,
                    case i % 3 when 0 then array['ANDROID','IOS'] when 1 then array['ANDROID'] else array['WEB'] end,
                    'https://example.be/' || i, 'support@example.be', array['fr','nl'],
                    case when i % 10 < 4 then null when i % 10 < 7 then 'M1' when i % 10 < 9 then 'M2' else 'M3' end,
                    case when i % 10 = 0 then now() end, case when i % 10 = 0 then 'CERTIFICATE_EXPIRED' end,
                    0, now(), 'plan-test', now(), 'plan-test'
                from generate_series(1, COUNT) i""".replace("COUNT", Integer.toString(count)));
    }

    @AfterEach
    void removeTheBulkRows() throws SQLException {
        sql("delete from app where organization_id = '" + ORGANIZATION + "'");
        sql("vacuum analyze app");
        assertThat(sum("select coalesce(sum(apps), 0) from catalog_cell"))
                .isEqualTo(sum("select count(*) from app where effective_level is not null or delisted_at is not null"));
    }

    private static CatalogFilter filter(Level level, Category category, Platform platform, TargetUser targetUser,
            String text, Language language) {
        return new CatalogFilter(level, category, platform, targetUser, text, language);
    }

    private static CatalogFilter delisted(Category category, Platform platform, String text, Language language) {
        return new CatalogFilter(null, category, platform, null, text, language, true);
    }

    private static void assertUsesIndexes(String what, String plan) {
        LOG.infof("plan for %s:%n%s", what, plan);
        assertThat(plan).as(what).doesNotContain("Seq Scan on app").containsPattern("(Index|Bitmap).* (using|on) app_\\w+");
    }

    private String plan(String sql, Map<String, Object> parameters, Map<String, Object> more) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Query explain = em.createNativeQuery("explain " + sql);
            parameters.forEach(explain::setParameter);
            more.forEach(explain::setParameter);
            @SuppressWarnings("unchecked")
            List<Object> lines = explain.getResultList();
            return lines.stream().map(Object::toString).collect(Collectors.joining("\n"));
        });
    }

    private long sum(String sql) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    private double allVisibleShare() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("select relallvisible, relpages from pg_class where relname = 'app'")) {
            r.next();
            LOG.infof("app: %d of %d pages all-visible", r.getInt(1), r.getInt(2));
            return r.getInt(2) == 0 ? 0 : (double) r.getInt(1) / r.getInt(2);
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }
}
