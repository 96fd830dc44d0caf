package be.mhealth.pyramid.gateway.service;

import java.time.Duration;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import be.mhealth.pyramid.gateway.config.GatewayConfig;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/** Token buckets per caller (Bucket4j), one budget for reads and one for writes. */
@ApplicationScoped
public class RateLimiter {

    public enum Kind {
        READ, WRITE
    }

    private final GatewayConfig.Budget reads;
    private final GatewayConfig.Budget writes;
    private final Cache<String, Bucket> buckets;

    public RateLimiter(GatewayConfig config) {
        this.reads = config.rateLimit().reads();
        this.writes = config.rateLimit().writes();
        this.buckets = Caffeine.newBuilder()
                .maximumSize(config.rateLimit().maxCallers())
                .expireAfterAccess(longest(reads.period(), writes.period()))
                .build();
    }

    /** Takes one token from the caller's budget; empty when allowed, else the seconds to wait. */
    public OptionalLong tryAcquire(String caller, Kind kind) {
        Bucket bucket = buckets.get(kind + "|" + caller, key -> newBucket(kind == Kind.READ ? reads : writes));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        long nanos = probe.getNanosToWaitForRefill();
        return OptionalLong.of(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }

    private static Bucket newBucket(GatewayConfig.Budget budget) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(budget.requests())
                        .refillGreedy(budget.requests(), budget.period()).build())
                .build();
    }

    private static Duration longest(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
