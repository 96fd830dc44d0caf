package be.mhealth.pyramid.notification.repository;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import be.mhealth.pyramid.events.Level;

/**
 * The database-backed delivery queue: deliveries are rows, queued in the transaction that consumes their event (so a
 * restart loses nothing), claimed by a worker for a lease, and updated with each attempt's outcome. Claims honour
 * two rules across all replicas: at most {@code cap} attempts in progress per subscription, and an app's delivery to a
 * subscription waits while an earlier one of the same app to that subscription is still pending.
 */
@ApplicationScoped
public class DeliveryQueue {

    /** Fired in the transaction that queued deliveries; the worker observes its commit. */
    public record Queued() {
    }

    /** A delivery claimed for one attempt, with what the attempt needs. */
    public record Claimed(UUID id, UUID subscriptionId, String url, String secretCiphertext, String eventType,
            String body, int attempts, OffsetDateTime retryUntil) {
    }

    /** One event waiting for its app's owner to be known. */
    public record Held(long id, String eventId, String eventType, String body) {
    }

    private static final String INSERT = "insert into delivery (id, subscription_id, event_id, event_type, app_id, "
            + "body, status, attempts, next_attempt_at, retry_until, created_at) "
            + "select gen_random_uuid(), s.id, ?1, ?2, ?3, ?4, 'PENDING', 0, ?5, ?6, ?5 from subscription s ";
    private static final String NOT_QUEUED = " on conflict (subscription_id, event_id) do nothing";
    /** An attempt's outcome is written only while the delivery is PENDING (a replay or a purge may have won). */
    private static final String FINISH = "update delivery set attempts = attempts + 1, last_attempt_at = ?2, "
            + "locked_until = null, ";
    private static final String FINISHED = " where id = ?1 and status = 'PENDING' returning subscription_id";
    private static final String CLAIMABLE = "d.status = 'PENDING' and d.next_attempt_at <= ?1 "
            + "and (d.locked_until is null or d.locked_until < ?1)";

    private final EntityManager em;
    private final Event<Queued> queued;

    DeliveryQueue(EntityManager em, Event<Queued> queued) {
        this.em = em;
        this.queued = queued;
    }

    // ---- queueing (in the consumer's or the API's transaction) ----

    /** Queues the event for the subscriptions of a vendor organization that asked for its type. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int queueForVendor(String organization, String type, String eventId, UUID appId, String body,
            OffsetDateTime now, OffsetDateTime retryUntil) {
        int queuedRows = em.createNativeQuery(INSERT + "where s.owner_kind = 'VENDOR' and s.owner = ?7 "
                + "and ?2 = any(s.events) order by s.created_at" + NOT_QUEUED)
                .setParameter(1, eventId).setParameter(2, type).setParameter(3, appId).setParameter(4, body)
                .setParameter(5, now).setParameter(6, retryUntil).setParameter(7, organization)
                .executeUpdate();
        return notify(queuedRows);
    }

    /** Queues the event for the subscriptions of every authority of {@code level} that asked for its type. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int queueForAuthorities(Level level, String type, String eventId, UUID appId, String body,
            OffsetDateTime now, OffsetDateTime retryUntil) {
        int queuedRows = em.createNativeQuery(INSERT + "where s.owner_kind = 'AUTHORITY' and s.level = ?7 "
                + "and ?2 = any(s.events) order by s.created_at" + NOT_QUEUED)
                .setParameter(1, eventId).setParameter(2, type).setParameter(3, appId).setParameter(4, body)
                .setParameter(5, now).setParameter(6, retryUntil).setParameter(7, level.name())
                .executeUpdate();
        return notify(queuedRows);
    }

    /** Queues a ping (a delivery of no event) to one subscription; returns its id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID queuePing(UUID subscription, String type, String body, OffsetDateTime now,
            OffsetDateTime retryUntil) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into delivery (id, subscription_id, event_type, body, status, attempts, "
                + "next_attempt_at, retry_until, created_at) values (?1, ?2, ?3, ?4, 'PENDING', 0, ?5, ?6, ?5)")
                .setParameter(1, id).setParameter(2, subscription).setParameter(3, type).setParameter(4, body)
                .setParameter(5, now).setParameter(6, retryUntil).executeUpdate();
        notify(1);
        return id;
    }

    /**
     * Serializes, until commit, the transactions that look up the app's owner, hold its events or release them: the
     * registry's and the levels' consumers may handle the same app at the same moment.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockApp(UUID appId) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('notification.app-owner'), hashtext(?1))")
                .setParameter(1, appId.toString()).getSingleResult();
    }

    /** Keeps a decision event whose app's owner is not known yet. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void hold(UUID appId, String eventId, String type, String body, OffsetDateTime now) {
        em.createNativeQuery("insert into held_event (app_id, event_id, event_type, body, created_at) "
                + "values (?1, ?2, ?3, ?4, ?5) on conflict (event_id) do nothing")
                .setParameter(1, appId).setParameter(2, eventId).setParameter(3, type).setParameter(4, body)
                .setParameter(5, now).executeUpdate();
    }

    /** Removes and returns an app's held events, oldest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Held> release(UUID appId) {
        List<?> rows = em.createNativeQuery("delete from held_event where app_id = ?1 "
                + "returning id, event_id, event_type, body").setParameter(1, appId).getResultList();
        List<Held> held = new ArrayList<>();
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            held.add(new Held(((Number) c[0]).longValue(), (String) c[1], (String) c[2], (String) c[3]));
        }
        held.sort((a, b) -> Long.compare(a.id(), b.id()));
        return held;
    }

    private int notify(int queuedRows) {
        if (queuedRows > 0) {
            queued.fire(new Queued());
        }
        return queuedRows;
    }

    // ---- the worker's side ----

    /**
     * Claims up to {@code max} due deliveries for one attempt each (until {@code now + lease}): subscriptions with the
     * earliest due delivery first, each locked while its share is chosen so that replicas never exceed {@code cap}
     * attempts in progress for one subscription.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Claimed> claim(int max, int cap, OffsetDateTime now, Duration lease) {
        List<?> candidates = em.createNativeQuery("select d.subscription_id from delivery d "
                + "join subscription s on s.id = d.subscription_id and s.status = 'ACTIVE' "
                + "where " + CLAIMABLE + " group by d.subscription_id order by min(d.next_attempt_at) limit ?2")
                .setParameter(1, now).setParameter(2, max).getResultList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<?> locked = em.createNativeQuery("select id from subscription where id = any(?1) "
                + "and status = 'ACTIVE' for update skip locked")
                .setParameter(1, candidates.stream().map(UUID.class::cast).toArray(UUID[]::new))
                .getResultList();
        List<Claimed> claimed = new ArrayList<>();
        for (Object subscription : locked) {
            int left = max - claimed.size();
            if (left <= 0) {
                break;
            }
            long inFlight = ((Number) em.createNativeQuery("select count(*) from delivery where subscription_id = ?1 "
                    + "and status = 'PENDING' and locked_until >= ?2")
                    .setParameter(1, subscription).setParameter(2, now).getSingleResult()).longValue();
            int share = (int) Math.min(left, cap - inFlight);
            if (share <= 0) {
                continue;
            }
            List<?> rows = em.createNativeQuery("update delivery set locked_until = ?3 where id in ("
                    + "select d.id from delivery d where d.subscription_id = ?2 and " + CLAIMABLE
                    + " and not exists (select 1 from delivery e where e.subscription_id = d.subscription_id "
                    + "and e.app_id = d.app_id and e.status = 'PENDING' and e.sequence < d.sequence) "
                    + "order by d.sequence limit ?4) "
                    + "returning id, attempts, retry_until, event_type, body, sequence")
                    .setParameter(1, now).setParameter(2, subscription).setParameter(3, now.plus(lease))
                    .setParameter(4, share).getResultList();
            if (rows.isEmpty()) {
                continue;
            }
            Object[] target = (Object[]) em.createNativeQuery("select url, secret_ciphertext from subscription "
                    + "where id = ?1").setParameter(1, subscription).getSingleResult();
            rows.stream().map(r -> (Object[]) r)
                    .sorted((a, b) -> Long.compare(((Number) a[5]).longValue(), ((Number) b[5]).longValue()))
                    .forEach(c -> claimed.add(new Claimed((UUID) c[0], (UUID) subscription, (String) target[0],
                            (String) target[1], (String) c[3], (String) c[4], ((Number) c[1]).intValue(),
                            toOffset(c[2]))));
        }
        return claimed;
    }

    /** The receiver answered 2xx: delivered. The subscription's run of failures (if any) ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void succeeded(UUID delivery, int status, OffsetDateTime now) {
        Object[] subscription = lockSubscriptionOf(delivery);
        List<?> rows = em.createNativeQuery(FINISH + "status = 'SUCCEEDED', next_attempt_at = null, delivered_at = ?2, "
                + "last_response_status = ?3, last_error = null" + FINISHED)
                .setParameter(1, delivery).setParameter(2, now).setParameter(3, status).getResultList();
        if (subscription != null && subscription[1] != null && !rows.isEmpty()) {
            em.createNativeQuery("update subscription set failing_since = null where id = ?1")
                    .setParameter(1, subscription[0]).executeUpdate();
        }
    }

    /**
     * The attempt failed ({@code status}: the receiver's answer, null when there was none): tried again at
     * {@code nextAttempt}, or given up (FAILED) when that is null. Returns since when the subscription's deliveries
     * have been failing (null when the delivery is no longer pending or is gone).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OffsetDateTime failed(UUID delivery, Integer status, String error, OffsetDateTime now,
            OffsetDateTime nextAttempt) {
        Object[] subscription = lockSubscriptionOf(delivery);
        var update = nextAttempt == null
                ? em.createNativeQuery(FINISH + "status = 'FAILED', next_attempt_at = null, "
                        + "last_response_status = cast(?3 as integer), last_error = ?4" + FINISHED)
                : em.createNativeQuery(FINISH + "next_attempt_at = ?5, last_response_status = cast(?3 as integer), "
                        + "last_error = ?4" + FINISHED).setParameter(5, nextAttempt);
        List<?> rows = update.setParameter(1, delivery).setParameter(2, now)
                .setParameter(3, status == null ? null : status.toString()).setParameter(4, error).getResultList();
        if (subscription == null || rows.isEmpty()) {
            return null;
        }
        if (subscription[1] != null) {
            return toOffset(subscription[1]);
        }
        em.createNativeQuery("update subscription set failing_since = ?2 where id = ?1")
                .setParameter(1, subscription[0]).setParameter(2, now).executeUpdate();
        return now;
    }

    /**
     * Locks the subscription of a delivery before the delivery itself is written: every writer takes the subscription's
     * row first (the claim, the API's update, pause, resume and delete), so that none waits for another in the opposite
     * order (a deadlock). Returns its id and {@code failing_since}, or null when it is gone.
     */
    private Object[] lockSubscriptionOf(UUID delivery) {
        List<?> rows = em.createNativeQuery("select s.id, s.failing_since from subscription s where s.id = "
                + "(select subscription_id from delivery where id = ?1) for no key update of s")
                .setParameter(1, delivery).getResultList();
        return rows.isEmpty() ? null : (Object[]) rows.get(0);
    }

    /** Pauses an ACTIVE subscription on the service's own account; false when it was paused already (or is gone). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean pauseAutomatically(UUID subscription, String reason, OffsetDateTime now) {
        return em.createNativeQuery("update subscription set status = 'PAUSED', paused_at = ?2, pause_reason = ?3, "
                + "paused_by = 'SYSTEM', updated_at = ?2, version = version + 1 where id = ?1 and status = 'ACTIVE'")
                .setParameter(1, subscription).setParameter(2, now).setParameter(3, reason).executeUpdate() == 1;
    }

    // ---- operators and owners ----

    /** A delivered or given-up delivery is queued again (same id), with a fresh retry window; false if PENDING. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean replay(UUID subscription, UUID delivery, OffsetDateTime now, OffsetDateTime retryUntil) {
        return notify(em.createNativeQuery("update delivery set status = 'PENDING', next_attempt_at = ?3, "
                + "retry_until = ?4, locked_until = null, delivered_at = null where id = ?1 and subscription_id = ?2 "
                + "and status <> 'PENDING'")
                .setParameter(1, delivery).setParameter(2, subscription).setParameter(3, now)
                .setParameter(4, retryUntil).executeUpdate()) == 1;
    }

    /** A resumed subscription's queued deliveries are due now, each with at least {@code retryUntil} to go. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resumed(UUID subscription, OffsetDateTime now, OffsetDateTime retryUntil) {
        em.createNativeQuery("update subscription set failing_since = null where id = ?1")
                .setParameter(1, subscription).executeUpdate();
        notify(em.createNativeQuery("update delivery set next_attempt_at = ?2, "
                + "retry_until = greatest(retry_until, ?3) where subscription_id = ?1 and status = 'PENDING'")
                .setParameter(1, subscription).setParameter(2, now).setParameter(3, retryUntil).executeUpdate());
    }

    // ---- retention ----

    /**
     * Deletes up to {@code batch} delivered or given-up deliveries created before {@code before}; gives up deliveries
     * still queued for a subscription paused since before then. Returns how many rows were deleted.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int purge(OffsetDateTime before, int batch, OffsetDateTime now) {
        em.createNativeQuery("update delivery d set status = 'FAILED', next_attempt_at = null, locked_until = null, "
                + "last_error = 'given up: the subscription stayed paused' from subscription s "
                + "where s.id = d.subscription_id and s.status = 'PAUSED' and s.paused_at < ?1 "
                + "and d.status = 'PENDING' and d.created_at < ?1")
                .setParameter(1, before).executeUpdate();
        em.createNativeQuery("delete from held_event where created_at < ?1").setParameter(1, before)
                .executeUpdate();
        return em.createNativeQuery("delete from delivery where id in (select id from delivery "
                + "where status <> 'PENDING' and created_at < ?1 order by created_at limit ?2 for update skip locked)")
                .setParameter(1, before).setParameter(2, batch).executeUpdate();
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
