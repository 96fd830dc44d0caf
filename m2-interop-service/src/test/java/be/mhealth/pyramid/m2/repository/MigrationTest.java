package be.mhealth.pyramid.m2.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.Limits;
import be.mhealth.pyramid.testing.PostgresResource;

/**
 * {@code V3__state_history_queue} on a database that holds V1's data: kebab-case history lines become the template's
 * UPPER_SNAKE transitions with the kind of actor and a reason, revisions (not transitions) go, the queue's
 * {@code waiting_since} is the last submission, and who-columns hold what Keycloak allows.
 */
class MigrationTest {

    private static final String DOSSIER = "5d0a7c1e-0000-4000-8000-000000000001";
    private static final String DRAFT = "5d0a7c1e-0000-4000-8000-000000000002";

    @Test
    void v3MigratesTheHistoryAndTheQueueOfExistingDossiers() throws SQLException {
        String url;
        try (Connection admin = PostgresResource.server().getPostgresDatabase().getConnection();
                Statement s = admin.createStatement()) {
            s.execute("drop database if exists m2_migration");
            s.execute("create database m2_migration");
            url = PostgresResource.server().getJdbcUrl("postgres", "m2_migration");
        }
        Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/migration").target("1")
                .load().migrate();
        try (Connection db = DriverManager.getConnection(url, "postgres", "postgres");
                Statement s = db.createStatement()) {
            s.execute("insert into m2_dossier values ('" + DOSSIER + "', gen_random_uuid(), 'medisoft', 'REVOKED',"
                    + " true, true, false, false, false, 'alice', '2026-01-01T10:00Z', '2026-01-09T10:00Z',"
                    + " '2026-01-02T10:00Z', 'eric', '2026-01-08T10:00Z', null, 7)");
            s.execute("insert into m2_dossier values ('" + DRAFT + "', gen_random_uuid(), 'medisoft', 'DRAFT',"
                    + " true, false, false, false, false, 'alice', '2026-01-01T10:00Z', '2026-01-01T10:00Z',"
                    + " null, null, null, null, 0)");
            String[][] lines = {
                    { "create", null, "DRAFT", "alice", "2026-01-01T10:00Z", null },
                    { "update", "DRAFT", "DRAFT", "alice", "2026-01-01T11:00Z", "risk assessment changed" },
                    { "submit", "DRAFT", "SUBMITTED", "alice", "2026-01-02T10:00Z", null },
                    { "start-review", "SUBMITTED", "IN_REVIEW", "eric", "2026-01-03T10:00Z", null },
                    { "request-info", "IN_REVIEW", "INFO_REQUESTED", "eric", "2026-01-04T10:00Z", "which GPs?" },
                    { "submit", "INFO_REQUESTED", "IN_REVIEW", "alice", "2026-01-05T10:00Z", null },
                    { "approve", "IN_REVIEW", "APPROVED", "eric", "2026-01-08T10:00Z", null },
                    { "revoke", "APPROVED", "REVOKED", "eric", "2026-01-09T10:00Z", "certificate compromised" } };
            for (String[] l : lines) {
                s.execute("insert into m2_dossier_event (dossier_id, action, from_state, to_state, actor, at, reason)"
                        + " values ('" + DOSSIER + "', '" + l[0] + "', " + quoted(l[1]) + ", '" + l[2] + "', '"
                        + l[3] + "', '" + l[4] + "', " + quoted(l[5]) + ")");
            }
        }

        Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/migration").load()
                .migrate();

        try (Connection db = DriverManager.getConnection(url, "postgres", "postgres");
                Statement s = db.createStatement()) {
            List<String> history = new ArrayList<>();
            try (ResultSet r = s.executeQuery("select action, acted_by, reason from m2_dossier_transition"
                    + " where dossier_id = '" + DOSSIER + "' order by occurred_at, id")) {
                while (r.next()) {
                    history.add(r.getString(1) + "/" + r.getString(2) + "/" + r.getString(3));
                }
            }
            assertThat(history).containsExactly(
                    "CREATE/VENDOR/dossier opened",
                    "SUBMIT/VENDOR/submitted for review",
                    "START_REVIEW/AUTHORITY/taken into review",
                    "REQUEST_INFO/AUTHORITY/which GPs?",
                    "SUBMIT/VENDOR/re-submitted after the information request",
                    "APPROVE/AUTHORITY/approved",
                    "REVOKE/AUTHORITY/certificate compromised");
            try (ResultSet r = s.executeQuery("select id, submitted_at, waiting_since from m2_dossier order by id")) {
                r.next();
                assertThat(r.getObject(2, java.time.OffsetDateTime.class).toInstant())
                        .hasToString("2026-01-02T10:00:00Z");
                assertThat(r.getObject(3, java.time.OffsetDateTime.class).toInstant())
                        .hasToString("2026-01-05T10:00:00Z");
                r.next();
                assertThat(r.getObject(3)).isNull();
            }
            for (String column : List.of("m2_dossier.created_by", "m2_dossier.decided_by",
                    "m2_dossier_transition.actor", "m2_test_result.recorded_by")) {
                assertThat(width(s, column)).as(column).isEqualTo(Limits.ACTOR);
            }
            assertThat(width(s, "m2_dossier_transition.reason")).isEqualTo(Limits.REASON);
            assertThat(width(s, "m2_dossier.organization_id")).isEqualTo(Limits.ORGANIZATION_ID);
        }
    }

    private static String quoted(String value) {
        return value == null ? "null" : "'" + value.replace("'", "''") + "'";
    }

    private static int width(Statement s, String column) throws SQLException {
        String[] parts = column.split("\\.");
        try (ResultSet r = s.executeQuery("select character_maximum_length from information_schema.columns"
                + " where table_name = '" + parts[0] + "' and column_name = '" + parts[1] + "'")) {
            assertThat(r.next()).as(column).isTrue();
            return r.getInt(1);
        }
    }
}
