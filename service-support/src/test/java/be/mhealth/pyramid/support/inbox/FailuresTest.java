package be.mhealth.pyramid.support.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import jakarta.persistence.PersistenceException;

/** Which failures pass (retry), which do not (park), which nobody can tell (a few retries, then park). */
class FailuresTest {

    @ParameterizedTest
    @CsvSource({
            "08006, TRANSIENT", "08001, TRANSIENT", "40001, TRANSIENT", "40P01, TRANSIENT", "55P03, TRANSIENT",
            "57014, TRANSIENT", "57P01, TRANSIENT", "57P03, TRANSIENT", "53300, TRANSIENT", "53100, TRANSIENT",
            "22001, PERMANENT", "22003, PERMANENT", "22P02, PERMANENT", "23505, PERMANENT", "23503, PERMANENT",
            "23514, PERMANENT", "42P01, UNCLASSIFIED", "42703, UNCLASSIFIED", "XX000, UNCLASSIFIED" })
    void byTheSqlStateWhereverItSitsInTheChain(String state, Failures.Kind kind) {
        SQLException sql = new SQLException("from PostgreSQL", state);
        RuntimeException wrapped = new RuntimeException("commit failed",
                new PersistenceException("could not execute statement", sql));

        assertThat(Failures.classify(wrapped)).isEqualTo(kind);
        assertThat(Failures.telling(wrapped)).isSameAs(sql);
    }

    @Test
    void anInvalidEventIsPermanentAndAConnectionProblemTransient() {
        assertThat(Failures.classify(new IllegalStateException(new InvalidEventException("ce_time malformed"))))
                .isEqualTo(Failures.Kind.PERMANENT);
        assertThat(Failures.classify(new RuntimeException(new ConnectException("refused"))))
                .isEqualTo(Failures.Kind.TRANSIENT);
        assertThat(Failures.classify(new RuntimeException(new SQLException("Sorry, acquisition timeout!"))))
                .isEqualTo(Failures.Kind.TRANSIENT);
        assertThat(Failures.classify(new SQLException("cached plan must not change result type", "0A000")))
                .isEqualTo(Failures.Kind.TRANSIENT);
        assertThat(Failures.classify(new SQLException("not supported", "0A000"))).isEqualTo(Failures.Kind.UNCLASSIFIED);
    }

    @Test
    void aBugIsUnclassified() {
        NullPointerException bug = new NullPointerException("handler bug");
        assertThat(Failures.classify(new RuntimeException(bug))).isEqualTo(Failures.Kind.UNCLASSIFIED);
        assertThat(Failures.telling(new RuntimeException(bug))).isSameAs(bug);
    }
}
