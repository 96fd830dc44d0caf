package be.mhealth.pyramid.gateway.service;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import be.mhealth.pyramid.gateway.config.GatewayConfig;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;

/**
 * Per-caller budgets (reads and writes) that hold across gateway replicas, and a cap on each caller's requests in
 * progress.
 * <p>
 * The budgets live in the shared store ({@link BudgetStore}, Redis). A replica leases a caller's tokens from it in
 * small batches and spends them locally, fetching the next batch while a few are left, so that most requests never
 * wait on the store; a batch grows while the caller spends fast and is capped at 2 % of the budget (and
 * {@code max-lease}), which bounds what replicas can hold unused. When the store does not answer, each replica falls
 * back to a local bucket holding {@code 1/replicas} of the budget (logged, and counted in
 * {@code pyramid_gateway_rate_limit_fallback_total}; {@code pyramid_gateway_rate_limit_store_up} is 0) and tries the
 * store again every {@code retry-interval}.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    private static final long FAST_LEASE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long SLOW_LEASE_NANOS = TimeUnit.SECONDS.toNanos(1);

    public enum Kind {
        READ, WRITE
    }

    /** The budgets and in-flight cap that apply to a kind of caller: the default one or a trusted client's. */
    public record Policy(String name, GatewayConfig.Budget reads, GatewayConfig.Budget writes, int maxInFlight) {
    }

    private final Policy anonymousAndUsers;
    private final Map<String, Policy> clients = new HashMap<>();
    private final Cache<String, CallerState> callers;
    private final BudgetStore store;
    private final int replicas;
    private final int maxLease;
    private final long retryNanos;
    private final Counter fallbackDecisions;
    private final Counter limitedReads;
    private final Counter limitedWrites;
    private final Counter refusedInFlight;
    private volatile boolean storeUp = true;
    private volatile long nextProbe;

    public RateLimiter(GatewayConfig config, Vertx vertx, jakarta.enterprise.inject.Instance<Redis> redis,
            MeterRegistry meters) {
        GatewayConfig.RateLimit limits = config.rateLimit();
        this.anonymousAndUsers = new Policy("default", limits.reads(), limits.writes(), limits.maxInFlight());
        limits.clients().forEach((client, budget) -> clients.put(client,
                new Policy("client " + client, budget.reads(), budget.writes(), budget.maxInFlight())));
        Duration longest = limits.reads().period();
        for (Policy policy : allPolicies()) {
            longest = max(longest, max(policy.reads().period(), policy.writes().period()));
        }
        this.callers = Caffeine.newBuilder().maximumSize(limits.maxCallers()).expireAfterAccess(longest).build();
        GatewayConfig.Store storeConfig = limits.store();
        this.store = storeConfig.enabled()
                ? new BudgetStore(redis.get(), vertx, storeConfig.timeout(), "pyramid:rate:")
                : null;
        this.replicas = storeConfig.enabled() ? Math.max(1, storeConfig.replicas()) : 1;
        this.maxLease = Math.max(1, storeConfig.maxLease());
        this.retryNanos = storeConfig.retryInterval().toNanos();
        this.fallbackDecisions = Counter.builder("pyramid.gateway.rate.limit.fallback")
                .description("Requests decided by a replica's local share of the budget while the store was down")
                .register(meters);
        this.limitedReads = limited(meters, "read");
        this.limitedWrites = limited(meters, "write");
        this.refusedInFlight = Counter.builder("pyramid.gateway.in.flight.refused")
                .description("Requests refused because their caller had too many in progress").register(meters);
        meters.gauge("pyramid.gateway.rate.limit.store.up", this, limiter -> limiter.storeUp() ? 1 : 0);
    }

    private static Counter limited(MeterRegistry meters, String kind) {
        return Counter.builder("pyramid.gateway.rate.limited").tag("kind", kind)
                .description("Requests refused because their caller's budget was used up").register(meters);
    }

    private List<Policy> allPolicies() {
        List<Policy> all = new ArrayList<>(clients.values());
        all.add(anonymousAndUsers);
        return all;
    }

    /** Whether the shared store answers (always true without one). */
    public boolean storeUp() {
        return store == null || storeUp;
    }

    /** The policy of a trusted client, or the default one. */
    public Policy policyFor(String clientId) {
        if (clientId != null) {
            Policy policy = clients.get(clientId);
            if (policy != null) {
                return policy;
            }
        }
        return anonymousAndUsers;
    }

    /** The state of one caller on this replica; {@code key} identifies it across replicas (e.g. "sub:…"). */
    public CallerState caller(String key, Policy policy) {
        return callers.get(key, k -> new CallerState(k, policy));
    }

    /**
     * Decides whether the caller may spend one token of the kind's budget: {@code decision} gets 0 when it may,
     * else the seconds after which to retry. It is called at once when the replica holds tokens (or the store is
     * down), else on the caller's Vert.x context once the store answered.
     */
    public void acquire(CallerState caller, Kind kind, LongConsumer decision) {
        Allowance allowance = kind == Kind.READ ? caller.reads : caller.writes;
        if (store == null) {
            decision.accept(allowance.fallback(1));
            return;
        }
        long now = System.nanoTime();
        boolean useStore = storeUp;
        long verdict;
        synchronized (allowance) {
            if (allowance.tokens > 0) {
                allowance.tokens--;
                if (useStore && !allowance.fetching && allowance.tokens <= allowance.leaseSize / 2) {
                    fetch(allowance, now);
                }
                verdict = 0;
            } else if (!useStore) {
                // Decided locally; now and then a lease is asked for in the background, to notice the store is back.
                if (!allowance.fetching && claimProbe(now)) {
                    fetch(allowance, now);
                }
                verdict = -1;
            } else if (allowance.emptyUntil - now > 0) {
                verdict = seconds(allowance.emptyUntil - now);
            } else {
                allowance.waiters.add(new Waiter(Vertx.currentContext(), decision));
                if (!allowance.fetching) {
                    fetch(allowance, now);
                }
                return;
            }
        }
        if (verdict < 0) {
            fallbackDecisions.increment();
            verdict = allowance.fallback(replicas);
        }
        count(kind, verdict);
        decision.accept(verdict);
    }

    /** Counts the request as in progress for its caller; false (and nothing counted) when the cap is reached. */
    public boolean enter(CallerState caller) {
        if (caller.inFlight.incrementAndGet() > caller.policy.maxInFlight()) {
            caller.inFlight.decrementAndGet();
            refusedInFlight.increment();
            return false;
        }
        return true;
    }

    public void exit(CallerState caller) {
        caller.inFlight.decrementAndGet();
    }

    private void count(Kind kind, long verdict) {
        if (verdict > 0) {
            (kind == Kind.READ ? limitedReads : limitedWrites).increment();
        }
    }

    /** While the store is down, one request every retry interval has it tried again (without waiting for it). */
    private boolean claimProbe(long now) {
        long due = nextProbe;
        if (now - due >= 0) {
            synchronized (this) {
                if (nextProbe == due) {
                    nextProbe = now + retryNanos;
                    return true;
                }
            }
        }
        return false;
    }

    /** Asks the store for a batch; called holding the allowance's lock. */
    private void fetch(Allowance allowance, long now) {
        allowance.fetching = true;
        // Grow the batch while the caller spends it fast, shrink it when it lasts long.
        if (allowance.leasedAt != 0) {
            long lasted = now - allowance.leasedAt;
            if (lasted < FAST_LEASE_NANOS) {
                allowance.leaseSize = Math.min(allowance.maxLease, allowance.leaseSize * 2);
            } else if (lasted > SLOW_LEASE_NANOS) {
                allowance.leaseSize = Math.max(1, allowance.leaseSize / 2);
            }
        }
        allowance.leasedAt = now;
        long wanted = Math.min(allowance.maxLease, Math.max(allowance.leaseSize, allowance.waiters.size()));
        store.take(allowance.storeKey, allowance.budget.requests(), allowance.budget.period(), wanted)
                .onComplete(result -> {
                    if (result.succeeded()) {
                        storeAnswered();
                        leased(allowance, wanted, result.result());
                    } else {
                        storeFailed(result.cause());
                        failed(allowance);
                    }
                });
    }

    private void leased(Allowance allowance, long wanted, BudgetStore.Lease lease) {
        long now = System.nanoTime();
        List<Waiter> allowed = new ArrayList<>();
        List<Waiter> refused = new ArrayList<>();
        long retryAfter = 0;
        synchronized (allowance) {
            allowance.fetching = false;
            allowance.tokens += lease.granted();
            while (!allowance.waiters.isEmpty() && allowance.tokens > 0) {
                allowance.tokens--;
                allowed.add(allowance.waiters.poll());
            }
            if (lease.granted() < wanted) {
                // The shared bucket is empty: whoever still waits is refused until it refills.
                long waitNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(1, lease.waitMillis()));
                allowance.emptyUntil = now + waitNanos;
                retryAfter = seconds(waitNanos);
                refused.addAll(allowance.waiters);
                allowance.waiters.clear();
            } else if (!allowance.waiters.isEmpty()) {
                // More requests arrived while this batch was on its way: fetch for them too.
                fetch(allowance, now);
            }
        }
        allowed.forEach(waiter -> waiter.decide(0));
        for (Waiter waiter : refused) {
            count(allowance.kind, retryAfter);
            waiter.decide(retryAfter);
        }
    }

    private void failed(Allowance allowance) {
        List<Waiter> waiting;
        synchronized (allowance) {
            allowance.fetching = false;
            waiting = new ArrayList<>(allowance.waiters);
            allowance.waiters.clear();
        }
        for (Waiter waiter : waiting) {
            fallbackDecisions.increment();
            long verdict = allowance.fallback(replicas);
            count(allowance.kind, verdict);
            waiter.decide(verdict);
        }
    }

    private void storeAnswered() {
        if (!storeUp) {
            storeUp = true;
            LOG.info("the rate-limit store answers again; budgets are shared by all replicas again");
        }
    }

    private void storeFailed(Throwable cause) {
        nextProbe = System.nanoTime() + retryNanos;
        if (storeUp) {
            storeUp = false;
            LOG.warnf("the rate-limit store failed (%s); each replica now grants 1/%d of every budget locally",
                    cause.getMessage(), replicas);
        }
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** One caller on this replica: its requests in progress and its two budgets. */
    public final class CallerState {
        private final Policy policy;
        private final AtomicInteger inFlight = new AtomicInteger();
        private final Allowance reads;
        private final Allowance writes;

        CallerState(String key, Policy policy) {
            this.policy = policy;
            this.reads = new Allowance("read:" + key, Kind.READ, policy.reads());
            this.writes = new Allowance("write:" + key, Kind.WRITE, policy.writes());
        }

        public Policy policy() {
            return policy;
        }
    }

    /** One budget of one caller on this replica: tokens leased and not spent yet, and requests waiting for some. */
    private final class Allowance {
        final String storeKey;
        final Kind kind;
        final GatewayConfig.Budget budget;
        final int maxLease;
        final ArrayDeque<Waiter> waiters = new ArrayDeque<>(2);
        long tokens;
        int leaseSize = 1;
        long leasedAt;
        long emptyUntil;
        boolean fetching;
        private volatile Bucket fallback;

        Allowance(String storeKey, Kind kind, GatewayConfig.Budget budget) {
            this.storeKey = storeKey;
            this.kind = kind;
            this.budget = budget;
            this.maxLease = (int) Math.max(1, Math.min(RateLimiter.this.maxLease, budget.requests() / 50));
        }

        /** A local bucket with 1/share of the budget: 0 when a token was taken, else the seconds to wait. */
        long fallback(int share) {
            Bucket bucket = fallback;
            if (bucket == null) {
                synchronized (this) {
                    if (fallback == null) {
                        long capacity = Math.max(1, budget.requests() / share);
                        fallback = Bucket.builder().addLimit(Bandwidth.builder().capacity(capacity)
                                .refillGreedy(capacity, budget.period()).build()).build();
                    }
                    bucket = fallback;
                }
            }
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            return probe.isConsumed() ? 0 : seconds(probe.getNanosToWaitForRefill());
        }
    }

    private record Waiter(Context context, LongConsumer decision) {
        void decide(long verdict) {
            if (context != null) {
                context.runOnContext(v -> decision.accept(verdict));
            } else {
                decision.accept(verdict);
            }
        }
    }
}
