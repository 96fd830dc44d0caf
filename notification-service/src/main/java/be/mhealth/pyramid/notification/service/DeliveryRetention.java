package be.mhealth.pyramid.notification.service;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import be.mhealth.pyramid.notification.config.NotificationConfig;
import be.mhealth.pyramid.notification.repository.DeliveryQueue;
import be.mhealth.pyramid.support.PyramidConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps the delivery log to {@code pyramid.notification.retention.deliveries} (30 days): older delivered or given-up
 * deliveries are deleted in batches; deliveries queued for a subscription paused for that long are given up; held
 * events whose app never arrived are dropped. Pending deliveries of active subscriptions are never purged.
 */
@ApplicationScoped
public class DeliveryRetention {

    private static final Logger LOG = Logger.getLogger(DeliveryRetention.class);

    private final DeliveryQueue queue;
    private final Clock clock;
    private final NotificationConfig.Retention config;
    private final int batch;

    DeliveryRetention(DeliveryQueue queue, Clock clock, NotificationConfig config, PyramidConfig shared) {
        this.queue = queue;
        this.clock = clock;
        this.config = config.retention();
        this.batch = Math.max(1, shared.retention().batchSize());
    }

    @Scheduled(every = "${pyramid.notification.retention.every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        try {
            int purged = purge();
            if (purged > 0) {
                LOG.infof("webhooks: purged %d deliveries older than %s", purged, config.deliveries());
            }
        } catch (RuntimeException e) {
            LOG.warnf("webhooks: purging old deliveries failed, will run again: %s", e.getMessage());
        }
    }

    /** Purges now; returns how many deliveries were deleted. */
    public int purge() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime before = now.minus(config.deliveries());
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> queue.purge(before, batch, now));
            total += deleted;
        } while (deleted == batch);
        return total;
    }
}
