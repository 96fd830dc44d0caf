package be.mhealth.pyramid.m3;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * V3 migrates what V1 stored: in a schema of its own, the service's migrations up to V1, a dossier's history as the
 * old service wrote it, then the rest; the rows come out in the template's vocabulary. Its connections are its own,
 * never the service's pool (a changed search path must not leak into the other tests).
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class MigrationTest {

    private static final String SCHEMA = "m3_v1_data";

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    private Connection connection() throws SQLException {
        Connection c = DriverManager.getConnection(url, user, password);
        try (Statement s = c.createStatement()) {
            s.execute("set search_path to " + SCHEMA);
        }
        return c;
    }

    private Flyway flyway(String target) {
        var config = Flyway.configure().dataSource(url, user, password).schemas(SCHEMA).locations("db/migration")
                .cleanDisabled(false);
        return (target == null ? config : config.target(target)).load();
    }

    @Test
    void v3RenamesTheTableAndTheActionsAndFillsWhoAndSinceWhen() throws SQLException {
        flyway(null).clean();
        flyway("1").migrate();
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute("""
                    insert into reimbursement_dossier (id, app_id, organization_id, state, care_pathway,
                        clinical_evidence, budget_impact_per_year, requested_amount, requested_unit, requested_months,
                        created_by, created_at, updated_at, submitted_at, submitted_on, evaluation_started_on,
                        evaluation_days, clock_stopped_days, due_on, version)
                    values ('00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-0000000000a1', 'medisoft',
                        'IN_EVALUATION', '{"en": "x"}', '[]', 1, 1, 'PER_PATIENT_ONCE', 1, 'alice',
                        '2026-01-01T10:00Z', '2026-03-01T10:00Z', '2026-01-02T10:00Z', '2026-01-02', '2026-01-10',
                        180, 30, '2026-08-07', 5)""");
            s.execute("""
                    insert into dossier_transition (dossier_id, action, from_state, to_state, actor, occurred_at, reason)
                    values ('00000000-0000-0000-0000-000000000001', 'CREATE', null, 'DRAFT', 'alice',
                            '2026-01-01T10:00Z', 'dossier created'),
                           ('00000000-0000-0000-0000-000000000001', 'UPDATE', 'DRAFT', 'DRAFT', 'alice',
                            '2026-01-01T11:00Z', 'content updated'),
                           ('00000000-0000-0000-0000-000000000001', 'SUBMIT', 'DRAFT', 'SUBMITTED', 'alice',
                            '2026-01-02T10:00Z', 'submitted'),
                           ('00000000-0000-0000-0000-000000000001', 'ADMISSIBLE', 'SUBMITTED', 'IN_EVALUATION', 'nina',
                            '2026-01-10T10:00Z', 'admissible'),
                           ('00000000-0000-0000-0000-000000000001', 'CLARIFICATION_REQUESTED', 'IN_EVALUATION',
                            'CLARIFICATION_REQUESTED', 'nina', '2026-01-20T10:00Z', 'which comparator?'),
                           ('00000000-0000-0000-0000-000000000001', 'CLARIFICATION_LAPSED', 'CLARIFICATION_REQUESTED',
                            'IN_EVALUATION', 'system', '2026-02-20T10:00Z', 'lapsed'),
                           ('00000000-0000-0000-0000-000000000001', 'EXTENSION', 'IN_EVALUATION', 'IN_EVALUATION',
                            'nina', '2026-03-01T10:00Z', 'expert opinion')""");
        }

        flyway(null).migrate();

        try (Connection c = connection(); Statement s = c.createStatement()) {
            List<String> lines = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select action, actor, acted_by from dossier_transition order by id")) {
                while (rs.next()) {
                    lines.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
            }
            assertThat(lines).containsExactly("CREATE alice VENDOR", "SUBMIT alice VENDOR",
                    "DECLARE_ADMISSIBLE nina AUTHORITY", "REQUEST_CLARIFICATION nina AUTHORITY",
                    "LAPSE_CLARIFICATION m3-reimbursement-service SYSTEM", "EXTEND_EVALUATION nina AUTHORITY");
            try (ResultSet rs = s.executeQuery("select state, submitted_at, waiting_since from dossier")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("state")).isEqualTo("IN_EVALUATION");
                assertThat(rs.getTimestamp("submitted_at").toInstant()).hasToString("2026-01-02T10:00:00Z");
                assertThat(rs.getTimestamp("waiting_since").toInstant()).hasToString("2026-02-20T10:00:00Z");
            }
            try (ResultSet rs = s.executeQuery("select character_maximum_length from information_schema.columns "
                    + "where table_schema = '" + SCHEMA + "' and table_name = 'dossier' "
                    + "and column_name = 'decided_by'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(255);
            }
        } finally {
            flyway(null).clean();
        }
    }
}
