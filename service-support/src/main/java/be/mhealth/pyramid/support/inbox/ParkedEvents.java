package be.mhealth.pyramid.support.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.ws.rs.ServiceUnavailableException;

import org.jboss.logging.Logger;

import be.mhealth.pyramid.events.EventType;
import be.mhealth.pyramid.events.Limits;
import be.mhealth.pyramid.support.problem.ResourceNotFoundException;
import be.mhealth.pyramid.support.problem.StateConflictException;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Parked and held events: the inbox parks a record it can never apply (and holds the later records of the same app
 * behind it, keeping each app's order); an operator retries or discards the first unresolved one, and the held ones
 * behind it are then applied in order until one fails again (it becomes the new blocker). Consumer and operator
 * serialize on a transaction-scoped advisory lock per topic and key.
 */
@ApplicationScoped
public class ParkedEvents {

    private static final Logger LOG = Logger.getLogger(ParkedEvents.class);
    /** The first unresolved event of a topic (first placeholder) and record key (second). */
    private static final String HEAD = "select id from parked_event where status in ('PARKED', 'HELD') "
            + "and topic = %1$s and md5(coalesce(record_key, '')) = md5(%2$s) and coalesce(record_key, '') = %2$s "
            + "order by id limit 1";
    private static final String PROCESSED = "insert into processed_event (event_id, type, topic, processed_at) "
            + "values (?1, ?2, ?3, ?4) on conflict (event_id) do nothing";
    /** {@link #HEAD} of topic ?1 and key ?2. */
    private static final String HEAD_OF_KEY = HEAD.formatted("?1", "?2");
    /** {@link #PROCESSED} (?1–?4), then whether it inserted and {@link #HEAD} of topic ?3, key ?5: one round trip. */
    private static final String PROCESSED_THEN_HEAD = "with processed as (" + PROCESSED + " returning 1) "
            + "select (select count(*) from processed), (" + HEAD.formatted("?3", "?5") + ")";
    /** An operator's retry or discard is tried this often when it fails for a passing reason, before a 503. */
    private static final int OPERATOR_ATTEMPTS = 3;

    /** How an operator resolves a parked event. */
    public enum Action {
        RETRY, DISCARD
    }

    /**
     * The outcome of a retry or discard: the event, the held events applied behind it (in order), and the new blocker
     * when one of them failed (the rest stay held behind it).
     */
    public record Resolution(ParkedEvent event, List<Long> released, Long blockedBy) {
    }

    private final EntityManager em;
    private final Clock clock;
    private final ConsumerPositions positions;
    private final InboxHandlers handlers;
    private final ParkedEventCounts counts;
    private final TransactionSynchronizationRegistry transactions;

    ParkedEvents(EntityManager em, Clock clock, ConsumerPositions positions, InboxHandlers handlers,
            ParkedEventCounts counts, TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
        this.em = em;
        this.clock = clock;
        this.positions = positions;
        this.handlers = handlers;
        this.counts = counts;
    }

    // ---- the consumer's side ----

    /** Serializes the consumer and operators on one app's events of one topic, until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    void lockKey(String topic, String key) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1), hashtext(?2))")
                .setParameter(1, topic).setParameter(2, key == null ? "" : key).getSingleResult();
    }

    /** The first unresolved event of this topic and key: the one later events of that app wait behind. */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<ParkedEvent> head(String topic, String key) {
        List<?> ids = em.createNativeQuery(HEAD_OF_KEY)
                .setParameter(1, topic).setParameter(2, key == null ? "" : key).getResultList();
        return ids.isEmpty() ? Optional.empty() : Optional.of(parkedEvent(ids.get(0)));
    }

    /** Whether an event id was recorded for the first time, and then the first unresolved event of its app. */
    record Processed(boolean first, Optional<ParkedEvent> head) {
    }

    /**
     * {@link #markProcessed} and then {@link #head} of the record's topic and key, in one statement (one round trip);
     * the caller holds the key's lock, so the head it reads is the one that stands.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Processed markProcessedAndFindHead(String eventId, InboundRecord record) {
        Object[] row = (Object[]) em.createNativeQuery(PROCESSED_THEN_HEAD)
                .setParameter(1, eventId)
                .setParameter(2, storableType(record))
                .setParameter(3, record.topic())
                .setParameter(4, OffsetDateTime.now(clock))
                .setParameter(5, record.key() == null ? "" : record.key())
                .getSingleResult();
        boolean first = ((Number) row[0]).longValue() == 1;
        return new Processed(first, first && row[1] != null ? Optional.of(parkedEvent(row[1])) : Optional.empty());
    }

    private ParkedEvent parkedEvent(Object id) {
        return em.find(ParkedEvent.class, ((Number) id).longValue());
    }

    /** Stores {@code record} as HELD behind {@code head} (the caller holds the key's lock). */
    @Transactional(Transactional.TxType.MANDATORY)
    void hold(InboundRecord record, ParkedEvent head) {
        insert(record, ParkedEventStatus.HELD, head.id, null, 0);
        LOG.warnf("held the event at %s behind parked event %d (same app %s)", record.position(), head.id,
                record.key());
    }

    /**
     * Parks a record that failed for good, in the caller's (new) transaction: unless it was handled meanwhile or is
     * a copy of an event handled before, it is stored PARKED, or HELD when an earlier event of its app is unresolved;
     * its event id (when usable) is recorded as processed and the partition's mark moves past it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void park(InboundRecord record, Throwable failure, int attempts) {
        if (!positions.advance(record)) {
            return;
        }
        lockKey(record.topic(), record.key());
        Optional<String> eventId = EventReader.eventId(record);
        if (eventId.isPresent() && !markProcessed(eventId.get(), record)) {
            LOG.infof("event %s at %s failed but is a copy of one handled before; skipped", eventId.get(),
                    record.position());
            return;
        }
        Optional<ParkedEvent> head = head(record.topic(), record.key());
        insert(record, head.isPresent() ? ParkedEventStatus.HELD : ParkedEventStatus.PARKED,
                head.map(h -> h.id).orElse(null), failure, attempts);
        LOG.errorf("parked the event at %s (%s) after %d attempt(s)%s: %s", record.position(),
                eventId.orElse("no usable ce_id"), attempts,
                head.map(h -> ", held behind parked event " + h.id).orElse(""), Failures.telling(failure));
    }

    /** True the first time an event id is recorded (in the caller's transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean markProcessed(String eventId, InboundRecord record) {
        return em.createNativeQuery(PROCESSED)
                .setParameter(1, eventId)
                .setParameter(2, storableType(record))
                .setParameter(3, record.topic())
                .setParameter(4, OffsetDateTime.now(clock))
                .executeUpdate() == 1;
    }

    private static String storableType(InboundRecord record) {
        return record.header("ce_type").map(t -> Texts.storable(t, Limits.EVENT_TYPE)).orElse("");
    }

    private void insert(InboundRecord record, ParkedEventStatus status, Long blockedBy, Throwable failure,
            int attempts) {
        Throwable telling = failure == null ? null : Failures.telling(failure);
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.createNativeQuery("insert into parked_event (status, topic, kafka_partition, kafka_offset, record_key, "
                + "headers, payload, event_id, event_type, error_class, error_message, attempts, blocked_by, "
                + "first_seen_at, last_seen_at) values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb), ?7, ?8, ?9, ?10, ?11, "
                + "?12, ?13, ?14, ?14) on conflict (topic, kafka_partition, kafka_offset) do nothing")
                .setParameter(1, status.name())
                .setParameter(2, record.topic())
                .setParameter(3, record.partition())
                .setParameter(4, record.offset())
                .setParameter(5, record.key())
                .setParameter(6, ParkedEvent.headersJson(record.headers()))
                .setParameter(7, record.value() == null ? null : record.value().getBytes(StandardCharsets.UTF_8))
                .setParameter(8, Texts.storable(record.header("ce_id").orElse(null), 1000))
                .setParameter(9, Texts.storable(record.header("ce_type").orElse(null), 1000))
                .setParameter(10, telling == null ? null : telling.getClass().getName())
                .setParameter(11, telling == null ? null : Texts.storable(String.valueOf(telling.getMessage()), 4000))
                .setParameter(12, attempts)
                .setParameter(13, blockedBy)
                .setParameter(14, now)
                .executeUpdate();
        afterCommit(counts::changed);
    }

    private void afterCommit(Runnable action) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }

    // ---- the operator's side ----

    public record Page(List<ParkedEvent> items, long total) {
    }

    @Transactional
    public Page list(ParkedEventStatus status, int page, int size) {
        String where = status == null ? "" : " where status = :status";
        var query = em.createQuery("from ParkedEvent" + where + " order by id", ParkedEvent.class);
        var count = em.createQuery("select count(*) from ParkedEvent" + where, Long.class);
        if (status != null) {
            query.setParameter("status", status);
            count.setParameter("status", status);
        }
        long first = (long) page * size;
        long total = count.getSingleResult();
        if (first >= total) {
            return new Page(List.of(), total);
        }
        return new Page(query.setFirstResult((int) first).setMaxResults(size).getResultList(), total);
    }

    @Transactional
    public ParkedEvent get(long id) {
        ParkedEvent event = em.find(ParkedEvent.class, id);
        if (event == null) {
            throw new ResourceNotFoundException("parked event", id);
        }
        return event;
    }

    /**
     * Retries (applies again, in a new transaction) or discards the first unresolved event of its app; then applies the
     * events held behind it, in order. A retry that fails again leaves it PARKED with the new error and attempt count
     * (409 {@code retry-failed}); one that fails for a passing reason changes nothing (503).
     */
    public Resolution resolve(long id, Action action, String reason, String operator) {
        ParkedEvent target = QuarkusTransaction.requiringNew().call(() -> get(id));
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= OPERATOR_ATTEMPTS; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    ParkedEvent event = lockedHead(target, id);
                    if (action == Action.RETRY) {
                        apply(event);
                        event.status = ParkedEventStatus.APPLIED;
                    } else {
                        event.status = ParkedEventStatus.DISCARDED;
                        event.discardReason = reason;
                    }
                    event.resolvedAt = OffsetDateTime.now(clock);
                    event.resolvedBy = operator;
                    event.blockedBy = null;
                });
                failure = null;
                break;
            } catch (StateConflictException | ResourceNotFoundException e) {
                throw e;
            } catch (RuntimeException e) {
                failure = e;
                if (Failures.classify(e) != Failures.Kind.TRANSIENT) {
                    break;
                }
                pause();
            }
        }
        if (failure != null) {
            RuntimeException e = failure;
            if (action == Action.DISCARD || Failures.classify(e) == Failures.Kind.TRANSIENT) {
                throw new ServiceUnavailableException("the event could not be " + (action == Action.RETRY ? "retried"
                        : "discarded") + " now (" + Failures.telling(e) + "); try again", 5L, e);
            }
            QuarkusTransaction.requiringNew().run(() -> {
                lockKey(target.topic, target.key);
                em.find(ParkedEvent.class, id, LockModeType.PESSIMISTIC_WRITE).fail(e, OffsetDateTime.now(clock));
            });
            counts.changed();
            LOG.warnf("parked event %d: retry by %s failed again: %s", id, operator, Failures.telling(e));
            throw new StateConflictException("retry-failed", "parked event " + id + " still cannot be applied: "
                    + Failures.telling(e), ParkedEventStatus.PARKED.name());
        }
        LOG.infof("parked event %d %s by %s", id, action == Action.RETRY ? "applied on retry" : "discarded", operator);
        Resolution resolution = release(target.topic, target.key, operator);
        counts.changed();
        return new Resolution(QuarkusTransaction.requiringNew().call(() -> get(id)), resolution.released(),
                resolution.blockedBy());
    }

    /** Runs {@code work}, again after a short pause when it fails for a passing reason (a few times at most). */
    private static <T> T retryingTransient(Supplier<T> work) {
        for (int attempt = 1;; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (attempt >= OPERATOR_ATTEMPTS || Failures.classify(e) != Failures.Kind.TRANSIENT) {
                    throw e;
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The event, locked, if it is the first unresolved one of its app; else 409 naming its state. */
    private ParkedEvent lockedHead(ParkedEvent target, long id) {
        lockKey(target.topic, target.key);
        ParkedEvent event = em.find(ParkedEvent.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (event.status.resolved()) {
            throw new StateConflictException("already-resolved", "parked event " + id + " is already "
                    + event.status, event.status.name());
        }
        ParkedEvent head = head(event.topic, event.key).orElseThrow();
        if (!head.id.equals(event.id)) {
            throw new StateConflictException("held-behind", "parked event " + id + " is held behind parked event "
                    + head.id + " of the same app; retry or discard that one first", event.status.name());
        }
        return event;
    }

    /** Applies the held events of a topic and key in order, each in its own transaction, until one fails. */
    private Resolution release(String topic, String key, String operator) {
        List<Long> released = new ArrayList<>();
        while (true) {
            Supplier<Optional<ParkedEvent>> next = () -> {
                lockKey(topic, key);
                return head(topic, key).filter(h -> h.status == ParkedEventStatus.HELD);
            };
            Long applied;
            try {
                applied = retryingTransient(() -> QuarkusTransaction.requiringNew().call(() -> {
                    Optional<ParkedEvent> held = next.get();
                    if (held.isEmpty()) {
                        return null;
                    }
                    ParkedEvent event = held.get();
                    apply(event);
                    event.status = ParkedEventStatus.APPLIED;
                    event.resolvedAt = OffsetDateTime.now(clock);
                    event.resolvedBy = operator;
                    return event.id;
                }));
            } catch (RuntimeException e) {
                Long blocker = QuarkusTransaction.requiringNew().call(() -> {
                    ParkedEvent event = next.get().orElseThrow();
                    event.status = ParkedEventStatus.PARKED;
                    event.blockedBy = null;
                    event.fail(e, OffsetDateTime.now(clock));
                    em.flush();
                    em.createNativeQuery("update parked_event set blocked_by = ?1 where status = 'HELD' and id <> ?1 "
                            + "and topic = ?2 and md5(coalesce(record_key, '')) = md5(?3) "
                            + "and coalesce(record_key, '') = ?3")
                            .setParameter(1, event.id).setParameter(2, topic).setParameter(3, key == null ? "" : key)
                            .executeUpdate();
                    return event.id;
                });
                LOG.warnf("held event %d failed when released; it is parked now, the rest stay behind it: %s",
                        blocker, Failures.telling(e));
                return new Resolution(null, released, blocker);
            }
            if (applied == null) {
                return new Resolution(null, released, null);
            }
            released.add(applied);
        }
    }

    /** Applies a stored record in the caller's transaction, as the consumer would (without the duplicate check). */
    private void apply(ParkedEvent event) {
        var envelope = EventReader.read(event.toRecord());
        handlers.of(envelope.type().topic()).apply(envelope);
        em.flush();
    }

    /** The known type of a stored event, if any (for views). */
    public static Optional<EventType> typeOf(ParkedEvent event) {
        return event.eventType == null ? Optional.empty() : EventType.byCeType(event.eventType);
    }
}
