package be.mhealth.pyramid.support.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import be.mhealth.pyramid.events.AppEvent;
import be.mhealth.pyramid.events.EventEnvelope;
import be.mhealth.pyramid.events.EventJson;
import be.mhealth.pyramid.events.EventType;
import be.mhealth.pyramid.support.PyramidConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.Guard;

/**
 * Idempotent consumption: an event's effect and its row in {@code processed_event} commit in one
 * transaction, so an event delivered twice (redelivery, outbox re-send) is applied once. {@link #process} retries
 * a failed attempt in a new transaction (SmallRye Fault Tolerance), so a database outage delays events instead of
 * stopping the channel.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final EntityManager em;
    private final Clock clock;
    private final Guard retry;

    Inbox(EntityManager em, Clock clock, PyramidConfig config) {
        this.em = em;
        this.clock = clock;
        PyramidConfig.Inbox settings = config.inbox();
        this.retry = Guard.create()
                .withRetry()
                .maxRetries(-1)
                .delay(settings.retryDelay().toMillis(), ChronoUnit.MILLIS)
                .maxDuration(settings.retryFor().toMillis(), ChronoUnit.MILLIS)
                .withExponentialBackoff().factor(2).maxDelay(settings.maxDelay().toMillis(), ChronoUnit.MILLIS).done()
                .done()
                .build();
    }

    /**
     * Applies the record's event (see {@link #receive}) in a transaction of its own, retrying a failed attempt in a
     * new one with exponential backoff for up to {@code pyramid.inbox.retry-for}; then the failure propagates and
     * the channel stops (liveness DOWN).
     */
    public void process(ConsumerRecord<String, String> record, Consumer<EventEnvelope<AppEvent>> handler) {
        retry.get(() -> {
            try {
                return QuarkusTransaction.requiringNew().call(() -> receive(record, handler));
            } catch (RuntimeException e) {
                LOG.warnf("handling the event at %s-%d@%d failed; retrying with backoff: %s", record.topic(),
                        record.partition(), record.offset(), e.toString());
                throw e;
            }
        }, Boolean.class);
    }

    /**
     * Hands the record's event to {@code handler} unless it was processed before. Events of a type this
     * version does not know, and malformed ones, are recorded and skipped so they cannot block the partition.
     *
     * @return true when the handler ran
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean receive(ConsumerRecord<String, String> record, Consumer<EventEnvelope<AppEvent>> handler) {
        String id = header(record, "ce_id").orElse(null);
        String ceType = header(record, "ce_type").orElse("");
        if (id == null) {
            LOG.errorf("skipping record without ce_id on %s-%d@%d", record.topic(), record.partition(),
                    record.offset());
            return false;
        }
        if (!markProcessed(id, ceType, record.topic())) {
            LOG.debugf("event %s (%s) already processed", id, ceType);
            return false;
        }
        Optional<EventType> type = EventType.byCeType(ceType);
        if (type.isEmpty()) {
            LOG.debugf("ignoring event %s of unknown type %s", id, ceType);
            return false;
        }
        AppEvent payload;
        try {
            payload = EventJson.read(record.value(), type.get());
        } catch (IllegalArgumentException e) {
            LOG.errorf("skipping malformed event %s (%s): %s", id, ceType, e.getMessage());
            return false;
        }
        OffsetDateTime time = header(record, "ce_time").map(OffsetDateTime::parse).orElse(null);
        handler.accept(new EventEnvelope<>(id, type.get(), header(record, "ce_source").orElse(null),
                header(record, "ce_subject").orElse(record.key()), time, payload));
        return true;
    }

    /** True the first time an event id is seen. */
    boolean markProcessed(String eventId, String type, String topic) {
        return em.createNativeQuery("insert into processed_event (event_id, type, topic, processed_at) "
                + "values (?1, ?2, ?3, ?4) on conflict (event_id) do nothing")
                .setParameter(1, eventId)
                .setParameter(2, type)
                .setParameter(3, topic)
                .setParameter(4, OffsetDateTime.now(clock))
                .executeUpdate() == 1;
    }

    private static Optional<String> header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }
}
