package be.mhealth.pyramid.support;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings every Pyramid service shares (prefix {@code pyramid}). */
@ConfigMapping(prefix = "pyramid")
public interface PyramidConfig {

    /** This service's name; the CloudEvents {@code source} and the producer checked against the topic. */
    String serviceName();

    /**
     * The service's short name in operators' paths ({@code /api/v1/admin/{segment}/parked-events}): {@code registry},
     * {@code m1}, {@code m2}, {@code m3}.
     */
    String serviceSegment();

    Outbox outbox();

    Kafka kafka();

    Inbox inbox();

    Retention retention();

    /**
     * Level services: how long opening a dossier waits for the local app copy to know the app at the level the dossier
     * needs (the registry's event for an app registered or raised a moment ago may still be on its way) before the
     * usual 404 or 409 {@code level-too-low}. The wait holds no transaction and no database connection
     * ({@code AppCopyArrival}). Zero: no wait.
     */
    @WithDefault("3s")
    Duration appCopyWait();

    interface Outbox {
        /** How often the relay looks for unpublished rows besides being woken after each commit. */
        @WithDefault("5s")
        Duration pollInterval();

        @WithDefault("200")
        int batchSize();

        /** How long the relay waits for the broker's acknowledgements of one batch. */
        @WithDefault("15s")
        Duration ackTimeout();
    }

    interface Kafka {
        /** Create the contract's topics at start-up when missing (local runs; Strimzi owns them on Kubernetes). */
        @WithDefault("true")
        boolean provisionTopics();

        @WithDefault("1")
        short replicationFactor();
    }

    interface Inbox {
        /**
         * An event whose handling fails (e.g. the database is unreachable) is retried in a new transaction, first
         * after this delay, then doubling up to {@link #maxDelay()}; its partition waits meanwhile, keeping order.
         */
        @WithDefault("200ms")
        Duration retryDelay();

        @WithDefault("30s")
        Duration maxDelay();

        /**
         * How long to keep retrying one event that fails for a passing reason (database or broker unavailable, lock
         * timeout, serialization conflict). Then the channel fails: liveness reports DOWN, so the platform restarts
         * the service, which reads the event again.
         */
        @WithDefault("10m")
        Duration retryFor();

        /**
         * Attempts at an event whose failure is not classified (neither passing nor permanent, e.g. a bug in a
         * handler) before it is parked: a bug does not fix itself, and an operator retries once a fix is deployed.
         */
        @WithDefault("4")
        int unclassifiedAttempts();

        /** How long one event's transaction waits for a row or advisory lock before it fails (and is retried). */
        @WithDefault("10s")
        Duration lockTimeout();

        /** How often the gauge and health check of parked events re-count them (also after each change). */
        @WithDefault("15s")
        Duration parkedCountRefresh();
    }

    /**
     * Purge of rows that are only kept for a while (README "Retention"): by a scheduled job, in batches of
     * {@link #batchSize()} rows per transaction.
     */
    interface Retention {
        /** How often the purge runs ({@code off} disables it). */
        @WithDefault("1h")
        String every();

        @WithDefault("500")
        int batchSize();

        /** Outbox rows the broker acknowledged; the relay never reads them again. */
        @WithDefault("7d")
        Duration publishedOutbox();

        /**
         * Records of processed events: they must outlive any re-send of the same event by its producer (an outbox row
         * published but not yet marked when the producer stopped goes out again when it restarts).
         */
        @WithDefault("30d")
        Duration processedEvents();

        /** Stored responses for {@code Idempotency-Key} retries. */
        @WithDefault("7d")
        Duration idempotencyRecords();

        /** Parked events an operator retried or discarded (who, when and why stay readable until then). */
        @WithDefault("180d")
        Duration resolvedParkedEvents();
    }
}
