package be.mhealth.pyramid.gateway.service;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import be.mhealth.pyramid.gateway.config.GatewayConfig;

/**
 * The callers of tokens quarkus-oidc has verified (signature, issuer, audience, expiry), kept for the token's remaining
 * lifetime but at most {@code pyramid.gateway.token-cache.max-age}: a portal that sends one token with many requests
 * pays the signature check once, not per request (bench/README.md, goal 2). Only verified tokens are kept, and one is
 * never answered from here at or after its {@code exp}; the cap bounds how long a token signed with a key the issuer
 * has since withdrawn is still let through. Keyed by the whole {@code Authorization} value.
 */
@ApplicationScoped
public class VerifiedTokens {

    /** Who a token speaks for: its subject and the client it was issued to ({@code azp}, may be null). */
    public record Caller(String subject, String client) {
    }

    private record Entry(Caller caller, long validUntilMillis) {
    }

    private final Cache<String, Entry> entries;
    private final Clock clock;
    private final long maxAgeMillis;

    @Inject
    public VerifiedTokens(GatewayConfig config) {
        this(config.tokenCache().maxAge(), config.tokenCache().size(), Clock.systemUTC());
    }

    public VerifiedTokens(Duration maxAge, long size, Clock clock) {
        this.clock = clock;
        this.maxAgeMillis = maxAge.toMillis();
        this.entries = Caffeine.newBuilder().maximumSize(size).expireAfterWrite(maxAge).build();
    }

    /** The caller of {@code authorization} if it was verified and is still within its lifetime and the cap. */
    public Caller get(String authorization) {
        if (maxAgeMillis <= 0) {
            return null;
        }
        Entry entry = entries.getIfPresent(authorization);
        if (entry == null) {
            return null;
        }
        if (clock.millis() >= entry.validUntilMillis()) {
            entries.invalidate(authorization);
            return null;
        }
        return entry.caller();
    }

    /** Keeps a token quarkus-oidc has just verified, whose {@code exp} is {@code expiresAtSeconds} (epoch seconds). */
    public void put(String authorization, Caller caller, long expiresAtSeconds) {
        long now = clock.millis();
        long validUntil = Math.min(expiresAtSeconds * 1000, now + maxAgeMillis);
        if (maxAgeMillis > 0 && validUntil > now) {
            entries.put(authorization, new Entry(caller, validUntil));
        }
    }
}
