package be.mhealth.pyramid.notification.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the notification service (prefix {@code pyramid.notification}). */
@ConfigMapping(prefix = "pyramid.notification")
public interface NotificationConfig {

    /**
     * The key that encrypts signing secrets at rest (AES-256-GCM): base64 of 32 bytes. Required; {@code ./pyramid up}
     * makes one per state folder, Kubernetes reads it from a Secret.
     */
    String secretKey();

    Subscriptions subscriptions();

    Delivery delivery();

    Retention retention();

    interface Subscriptions {
        /** How many subscriptions one owner (a vendor organization, an authority) may hold. */
        @WithDefault("25")
        int maxPerOwner();
    }

    interface Delivery {
        /** Plain http targets are accepted (local development only); otherwise https only. */
        @WithDefault("false")
        boolean allowHttp();

        /**
         * Networks (CIDR, e.g. {@code 127.0.0.1/32}) that deliveries may reach although they are private, loopback,
         * link-local or otherwise not public. Empty: only public addresses.
         */
        Optional<List<String>> allowedNetworks();

        /** How long connecting to a receiver may take. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** How long a receiver may take to answer, and may stay silent while answering. */
        @WithDefault("10s")
        Duration responseTimeout();

        /** The most of a receiver's answer that is read (the rest is dropped and the connection closed). */
        @WithDefault("4K")
        MemorySize maxResponseBytes();

        /** Deliveries to one subscription that may be in progress at once (on all replicas together). */
        @WithDefault("4")
        int maxConcurrentPerSubscription();

        /** Deliveries one replica makes at once. */
        @WithDefault("16")
        int workers();

        /** How often the worker looks for due deliveries besides being woken when new ones are queued. */
        @WithDefault("1s")
        Duration pollInterval();

        /** How long a claimed delivery stays with its replica before another may take it (a replica that died). */
        @WithDefault("2m")
        Duration lease();

        Backoff backoff();

        /** A delivery is retried for this long after it was queued (or replayed), then given up. */
        @WithDefault("24h")
        Duration retryFor();

        /** A subscription whose deliveries have all failed for this long is paused, with the reason. */
        @WithDefault("24h")
        Duration pauseAfter();
    }

    /** Exponential backoff with jitter: {@code initial} doubling up to {@code max}, each delay ± {@code jitter}. */
    interface Backoff {
        @WithDefault("5s")
        Duration initial();

        @WithDefault("2h")
        Duration max();

        /** The share of each delay that is random (0 – 1). */
        @WithDefault("0.2")
        double jitter();
    }

    interface Retention {
        /** How often old deliveries are purged ({@code off} disables it). */
        @WithDefault("1h")
        String every();

        /** Delivered or given-up deliveries (the delivery log) are kept this long. */
        @WithDefault("30d")
        Duration deliveries();
    }
}
