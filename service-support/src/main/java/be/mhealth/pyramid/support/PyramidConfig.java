package be.mhealth.pyramid.support;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings every Pyramid service shares (prefix {@code pyramid}). */
@ConfigMapping(prefix = "pyramid")
public interface PyramidConfig {

    /** This service's name; the CloudEvents {@code source} and the producer checked against the topic. */
    String serviceName();

    Outbox outbox();

    Kafka kafka();

    Inbox inbox();

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
         * How long to keep retrying one event. Then the channel fails: liveness reports DOWN, so the platform
         * restarts the service, which reads the event again.
         */
        @WithDefault("10m")
        Duration retryFor();
    }
}
