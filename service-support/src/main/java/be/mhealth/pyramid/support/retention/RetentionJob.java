package be.mhealth.pyramid.support.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import be.mhealth.pyramid.support.PyramidConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Purges rows that are only kept for a while: published outbox rows, processed-event records, idempotency records
 * and resolved parked events older than their {@code pyramid.retention.*} age. Small batches, each in its own
 * transaction, skipping rows another replica's purge holds; README "Retention" says why the defaults are safe.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    /** What is purged: a table, and the statement deleting one batch of its rows older than ?1 (?2 rows at most). */
    private static final Map<String, String> PURGES = new LinkedHashMap<>();

    static {
        PURGES.put("outbox_event", "delete from outbox_event where sequence in (select sequence from outbox_event "
                + "where published_at < ?1 order by published_at limit ?2 for update skip locked)");
        PURGES.put("processed_event", "delete from processed_event where event_id in (select event_id "
                + "from processed_event where processed_at < ?1 order by processed_at limit ?2 for update skip locked)");
        PURGES.put("idempotency_record", "delete from idempotency_record where (caller, idempotency_key) in "
                + "(select caller, idempotency_key from idempotency_record where created_at < ?1 "
                + "order by created_at limit ?2 for update skip locked)");
        PURGES.put("parked_event", "delete from parked_event where id in (select id from parked_event "
                + "where status in ('APPLIED', 'DISCARDED') and resolved_at < ?1 order by resolved_at limit ?2 "
                + "for update skip locked)");
    }

    private final EntityManager em;
    private final Clock clock;
    private final PyramidConfig.Retention config;

    RetentionJob(EntityManager em, Clock clock, PyramidConfig config) {
        this.em = em;
        this.clock = clock;
        this.config = config.retention();
    }

    @Scheduled(every = "${pyramid.retention.every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        try {
            Map<String, Integer> purged = purge();
            if (purged.values().stream().anyMatch(n -> n > 0)) {
                LOG.infof("retention: purged %s", purged);
            }
        } catch (RuntimeException e) {
            LOG.warnf("retention: purge failed, will run again: %s", e.getMessage());
        }
    }

    /** Purges every table now; returns how many rows each lost. */
    public Map<String, Integer> purge() {
        Map<String, Integer> purged = new LinkedHashMap<>();
        purged.put("outbox_event", purge("outbox_event", config.publishedOutbox()));
        purged.put("processed_event", purge("processed_event", config.processedEvents()));
        purged.put("idempotency_record", purge("idempotency_record", config.idempotencyRecords()));
        purged.put("parked_event", purge("parked_event", config.resolvedParkedEvents()));
        return purged;
    }

    private int purge(String table, Duration age) {
        OffsetDateTime before = OffsetDateTime.now(clock).minus(age);
        int batch = Math.max(1, config.batchSize());
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(PURGES.get(table))
                    .setParameter(1, before).setParameter(2, batch).executeUpdate());
            total += deleted;
        } while (deleted == batch);
        return total;
    }
}
