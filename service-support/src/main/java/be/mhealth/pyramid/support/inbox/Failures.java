package be.mhealth.pyramid.support.inbox;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;

/**
 * Tells failures that will pass (retry with backoff) from failures that will not (park at once). SQLState classes
 * follow PostgreSQL's error codes appendix.
 */
public final class Failures {

    public enum Kind {
        /** Database or broker unavailable, lock or query timeout, serialization conflict: retried with backoff. */
        TRANSIENT,
        /** Data too long, numeric overflow, constraint violation, an invalid event: parked at once. */
        PERMANENT,
        /** Anything else (e.g. a bug in a handler): a few quick retries, then parked. */
        UNCLASSIFIED
    }

    private static final Set<String> TRANSIENT_STATES = Set.of(
            "40001", // serialization_failure
            "40P01", // deadlock_detected
            "55P03", // lock_not_available (lock_timeout)
            "57014", // query_canceled (statement_timeout)
            "57P01", // admin_shutdown
            "57P02", // crash_shutdown
            "57P03"); // cannot_connect_now (starting up, shutting down)

    private Failures() {
    }

    public static Kind classify(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof InvalidEventException) {
                return Kind.PERMANENT;
            }
            if (t instanceof SQLException sql) {
                Kind kind = ofSqlState(sql);
                if (kind != null) {
                    return kind;
                }
            }
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof SocketException || t instanceof SocketTimeoutException
                    || t instanceof LockTimeoutException || t instanceof PessimisticLockException
                    || t instanceof QueryTimeoutException
                    || t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof org.hibernate.exception.LockAcquisitionException) {
                return Kind.TRANSIENT;
            }
        }
        return Kind.UNCLASSIFIED;
    }

    private static Kind ofSqlState(SQLException sql) {
        String state = sql.getSQLState();
        if (state == null || state.length() != 5) {
            // Agroal's "Sorry, acquisition timeout!" carries no SQLState: no connection came free in time.
            return sql.getMessage() != null && sql.getMessage().contains("acquisition timeout") ? Kind.TRANSIENT : null;
        }
        if (state.startsWith("08") || state.startsWith("53") || TRANSIENT_STATES.contains(state)) {
            return Kind.TRANSIENT;
        }
        if ("0A000".equals(state) && sql.getMessage() != null
                && sql.getMessage().contains("cached plan must not change result type")) {
            // A column changed type under a statement the connection had prepared; prepared again, it works.
            return Kind.TRANSIENT;
        }
        if (state.startsWith("22") || state.startsWith("23")) {
            return Kind.PERMANENT;
        }
        return null;
    }

    /** The failure that says most about why: the invalid event, else the first SQL error, else the root cause. */
    public static Throwable telling(Throwable failure) {
        Throwable root = failure;
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof InvalidEventException || t instanceof SQLException) {
                return t;
            }
            root = t;
        }
        return root;
    }
}
