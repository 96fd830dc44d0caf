package be.mhealth.pyramid.support.inbox;

import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import be.mhealth.pyramid.events.AppEvent;
import be.mhealth.pyramid.events.EventEnvelope;
import be.mhealth.pyramid.events.EventType;
import be.mhealth.pyramid.events.Topic;
import be.mhealth.pyramid.support.PyramidConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.Guard;

/**
 * Idempotent consumption that never stalls on an event it can never apply. Each record is handled in a transaction
 * of its own that also records it as handled ({@code processed_event} by event id, the partition's
 * {@code consumer_position}), so a record delivered twice, or an event sent twice, changes nothing the second time.
 * <ul>
 * <li>A failure that will pass (database or broker unavailable, lock timeout, serialization conflict; see
 * {@link Failures}) is retried in a new transaction with exponential backoff (SmallRye Fault Tolerance) while the
 * partition waits, for up to {@code pyramid.inbox.retry-for}; then the channel stops (liveness DOWN).</li>
 * <li>A failure that will not pass (data too long, constraint violation, an unreadable, unauthenticated or
 * out-of-contract record) parks the record ({@link ParkedEvents}) in the transaction that records it as handled,
 * and the consumer goes on. Anything unclassified is tried {@code pyramid.inbox.unclassified-attempts} times first.</li>
 * <li>While an app (topic + key) has an unresolved parked event, its later records are held behind it, in order;
 * every other app keeps flowing.</li>
 * <li>A valid event of a type the topic's handler does not apply ({@link InboxHandler#applies}) is passed over
 * without a transaction, so that it does not delay the app's next event.</li>
 * </ul>
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    /** What became of one record. */
    public enum Outcome {
        APPLIED, DUPLICATE, ALREADY_HANDLED, HELD, PARKED,
        /** A valid event of a type the topic's handler does not apply ({@link InboxHandler#applies}): no transaction. */
        NOT_APPLICABLE
    }

    private final EntityManager em;
    private final ConsumerPositions positions;
    private final ParkedEvents parked;
    private final InboxHandlers handlers;
    private final Guard retry;
    private final int unclassifiedAttempts;
    private final String lockTimeout;

    Inbox(EntityManager em, ConsumerPositions positions, ParkedEvents parked, InboxHandlers handlers,
            PyramidConfig config) {
        this.em = em;
        this.positions = positions;
        this.parked = parked;
        this.handlers = handlers;
        PyramidConfig.Inbox settings = config.inbox();
        this.unclassifiedAttempts = Math.max(1, settings.unclassifiedAttempts());
        this.lockTimeout = settings.lockTimeout().toMillis() + "ms";
        this.retry = Guard.create()
                .withRetry()
                .maxRetries(-1)
                .delay(settings.retryDelay().toMillis(), ChronoUnit.MILLIS)
                .maxDuration(settings.retryFor().toMillis(), ChronoUnit.MILLIS)
                .withExponentialBackoff().factor(2).maxDelay(settings.maxDelay().toMillis(), ChronoUnit.MILLIS).done()
                .done()
                .build();
    }

    /** Handles one consumed record (see the class comment); returns once it is applied, skipped, held or parked. */
    public Outcome process(ConsumerRecord<String, String> record) {
        return process(InboundRecord.of(record));
    }

    Outcome process(InboundRecord record) {
        if (positions.handledBefore(record)) {
            return Outcome.ALREADY_HANDLED;
        }
        if (notApplicable(record)) {
            return Outcome.NOT_APPLICABLE;
        }
        AtomicInteger attempts = new AtomicInteger();
        Outcome outcome = retry.get(() -> {
            try {
                attempts.incrementAndGet();
                return QuarkusTransaction.requiringNew().call(() -> receive(record));
            } catch (RuntimeException e) {
                Failures.Kind kind = Failures.classify(e);
                if (kind == Failures.Kind.TRANSIENT
                        || (kind == Failures.Kind.UNCLASSIFIED && attempts.get() < unclassifiedAttempts)) {
                    LOG.warnf("handling the event at %s failed (%s, attempt %d); retrying with backoff: %s",
                            record.position(), kind, attempts.get(), Failures.telling(e));
                    throw e;
                }
                QuarkusTransaction.requiringNew().run(() -> parked.park(record, e, attempts.get()));
                return Outcome.PARKED;
            }
        }, Outcome.class);
        positions.committed(record);
        return outcome;
    }

    /**
     * A valid event the topic's handler does nothing with. Only a type the handler declines is read in full here (so
     * the events it applies are read once, in their transaction); anything that does not read goes the usual way
     * (parked).
     */
    private boolean notApplicable(InboundRecord record) {
        Optional<Topic> topic = Topic.find(record.topic());
        Optional<EventType> type = record.header("ce_type").flatMap(EventType::byCeType);
        if (topic.isEmpty() || type.isEmpty() || !handlers.topics().contains(topic.get())
                || appliesOrUnknown(handlers.of(topic.get()), type.get(), record)) {
            return false;
        }
        try {
            EventReader.read(record);
            return true;
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    /**
     * Whether the handler applies the type; when it cannot say (its answer may read the database, which may be down),
     * the record goes the usual way, where failures are retried with backoff, rather than out of the consumer.
     */
    private static boolean appliesOrUnknown(InboxHandler handler, EventType type, InboundRecord record) {
        try {
            return handler.applies(type);
        } catch (RuntimeException e) {
            LOG.debugf("whether %s applies could not be told (%s); handling it in a transaction",
                    record.position(), Failures.telling(e));
            return true;
        }
    }

    /**
     * Handles the record in the caller's transaction: skipped when its offset or event id was handled before, held
     * when an earlier event of its app is unresolved, else read by the contract ({@link EventReader}) and applied by
     * the topic's {@link InboxHandler}. Throws when it cannot be applied (the caller rolls back and classifies).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Outcome receive(InboundRecord record) {
        // Three round trips before the event's own statements: lock timeout and mark, the app's lock, then its id
        // recorded as processed and the app's first unresolved event read (after the lock, so that it stands).
        if (!positions.advance(record, lockTimeout)) {
            return Outcome.ALREADY_HANDLED;
        }
        parked.lockKey(record.topic(), record.key());
        Optional<String> eventId = EventReader.eventId(record);
        Optional<ParkedEvent> head;
        if (eventId.isPresent()) {
            ParkedEvents.Processed processed = parked.markProcessedAndFindHead(eventId.get(), record);
            if (!processed.first()) {
                LOG.debugf("event %s at %s already processed", eventId.get(), record.position());
                return Outcome.DUPLICATE;
            }
            head = processed.head();
        } else {
            head = parked.head(record.topic(), record.key());
        }
        if (head.isPresent()) {
            parked.hold(record, head.get());
            return Outcome.HELD;
        }
        EventEnvelope<AppEvent> event = EventReader.read(record);
        handlers.of(event.type().topic()).apply(event);
        em.flush();
        return Outcome.APPLIED;
    }
}
