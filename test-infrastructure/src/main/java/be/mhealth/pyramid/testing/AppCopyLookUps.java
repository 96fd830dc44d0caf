package be.mhealth.pyramid.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.awaitility.Awaitility;

/**
 * Watches, in PostgreSQL's {@code pg_stat_activity}, the look-ups with which a level service's "open a dossier" waits
 * for its local app copy (service-support's {@code AppCopyArrival}: one short query per look,
 * {@code AppCopyRepository.holds}). Tests use it to know that a request has reached the wait, and that the wait holds
 * no transaction. The watch keeps one connection of the pool to itself until closed: had it borrowed one per look, it
 * could take the connection a look-up had just returned, and its own statement would replace the look-up as that
 * connection's last one.
 */
public final class AppCopyLookUps implements AutoCloseable {

    /** The look-up as Hibernate sends it. */
    private static final String STATEMENT = "select %effective_level from app_copy %";

    private final Connection connection;
    private final OffsetDateTime since;

    private AppCopyLookUps(Connection connection, OffsetDateTime since) {
        this.connection = connection;
        this.since = since;
    }

    /**
     * Starts watching: only look-ups sent from now on count (a pooled connection keeps an earlier request's look-up as
     * its last statement).
     */
    public static AppCopyLookUps from(DataSource dataSource) {
        try {
            Connection c = dataSource.getConnection();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select clock_timestamp()")) {
                r.next();
                return new AppCopyLookUps(c, r.getObject(1, OffsetDateTime.class));
            } catch (SQLException e) {
                c.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until a look-up has been sent since the watch began: a request is then waiting for its app. */
    public void awaitFirst() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !states().isEmpty());
    }

    /**
     * The state ({@code active}, {@code idle}, {@code idle in transaction}, …) of each connection whose last statement
     * is a look-up sent since the watch began.
     */
    public List<String> states() {
        List<String> states = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(
                "select state from pg_stat_activity where datname = current_database() and query like ? "
                        + "and query_start > ?")) {
            s.setString(1, STATEMENT);
            s.setObject(2, since);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    states.add(r.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return states;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
