package be.mhealth.pyramid.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Routes, upstreams and edge protections of the gateway ({@code pyramid.gateway.*}). */
@ConfigMapping(prefix = "pyramid.gateway")
public interface GatewayConfig {

    /** Routes by name; a request goes to the route with the longest matching path prefix. */
    Map<String, Route> routes();

    /** Upstream services by name. */
    Map<String, Upstream> upstreams();

    /** Largest request body passed on; larger ones get 413. */
    @WithDefault("25M")
    MemorySize maxBodySize();

    /**
     * Time a request body may take to arrive, from its headers to its last byte: {@code body-timeout} plus the
     * declared length (else the body cap) at {@code body-min-rate} bytes per second; past it, 408 and the
     * connection is closed. The services allow a little more ({@code pyramid.http.*} in service-support).
     */
    @WithDefault("20s")
    Duration bodyTimeout();

    @WithDefault("64K")
    MemorySize bodyMinRate();

    RateLimit rateLimit();

    CircuitBreaker circuitBreaker();

    OpenApi openapi();

    TokenCache tokenCache();

    /** Verified tokens kept, so that a caller's next requests with the same token skip the signature check. */
    interface TokenCache {
        /**
         * Longest a verified token is answered from the cache (never past its {@code exp}): how long a token signed
         * with a key the issuer has withdrawn may still pass. 0 turns the cache off.
         */
        @WithDefault("60s")
        Duration maxAge();

        /** Tokens kept at most (past it, the least used go first). */
        @WithDefault("10000")
        long size();
    }

    interface Route {
        /** Path prefix, e.g. {@code /api/v1/m1}: matches the prefix itself and everything below it. */
        String path();

        /** Name of the upstream in {@code pyramid.gateway.upstreams}. */
        String upstream();

        /** GET/HEAD requests whose path matches one of these regular expressions need no token. */
        Optional<List<String>> publicPaths();
    }

    interface Upstream {
        /** Base URL, e.g. {@code http://localhost:8081} (only scheme, host and port are used). */
        URI url();

        /** The upstream must start answering within this time and may not go silent for longer: else 504. */
        @WithDefault("10s")
        Duration timeout();

        @WithDefault("2s")
        Duration connectTimeout();

        /** Readiness endpoint of the upstream, reported by the gateway's readiness check. */
        @WithDefault("/q/health/ready")
        String healthPath();

        @WithDefault("/q/openapi?format=json")
        String openapiPath();
    }

    interface RateLimit {
        /** Budget for GET/HEAD/OPTIONS per caller. */
        Budget reads();

        /** Budget for every other method per caller. */
        Budget writes();

        /** Requests one caller may have in progress at once on one gateway replica; more get 429. */
        @WithDefault("16")
        int maxInFlight();

        /**
         * Trusted clients with budgets of their own, by OAuth client id: a token whose {@code azp} names one of them
         * is counted against the client's budget, shared by everything that client sends.
         */
        Map<String, ClientBudget> clients();

        /** Callers tracked at once (least recently seen are forgotten first). */
        @WithDefault("100000")
        long maxCallers();

        Store store();
    }

    interface ClientBudget {
        Budget reads();

        Budget writes();

        @WithDefault("256")
        int maxInFlight();
    }

    interface Budget {
        /** Requests allowed per period (also the burst size). */
        long requests();

        Duration period();
    }

    /** The shared store (Redis, {@code quarkus.redis.*}) that holds every caller's budget for all replicas. */
    interface Store {
        /** Off: each replica keeps its own buckets (one replica, or tests). */
        @WithDefault("true")
        boolean enabled();

        /** Most tokens a replica leases at once, also capped at 2 % of the budget. */
        @WithDefault("200")
        int maxLease();

        /** A store answer slower than this counts as the store being down. */
        @WithDefault("250ms")
        Duration timeout();

        /** While the store is down, how often it is asked again (in the background of one request). */
        @WithDefault("5s")
        Duration retryInterval();

        /**
         * While the store is down, each replica grants {@code 1/replicas} of every budget from a local bucket, so
         * that all replicas together stay within it (set to the largest replica count, e.g. the HPA maximum).
         */
        @WithDefault("1")
        int replicas();
    }

    interface CircuitBreaker {
        /** Failures (connection errors, timeouts, 502/503/504) within {@link #window()} that open the circuit. */
        @WithDefault("5")
        int failureThreshold();

        @WithDefault("10s")
        Duration window();

        /** How long an open circuit answers 503 before letting one trial request through (half-open). */
        @WithDefault("15s")
        Duration resetDelay();
    }

    interface OpenApi {
        /** How long the merged document is served before the upstreams are asked again. */
        @WithDefault("30s")
        Duration cacheTtl();

        @WithDefault("Pyramid API")
        String title();

        @WithDefault("v1")
        String version();

        /**
         * Keycloak's discovery document as browsers reach it (the security scheme of the merged document, and where
         * Swagger UI signs in); default: {@code quarkus.oidc.auth-server-url} + {@code /.well-known/openid-configuration}.
         */
        Optional<String> openIdConnectUrl();

        /** The public client Swagger UI signs in with (authorization code + PKCE). */
        @WithDefault("pyramid-swagger-ui")
        String swaggerUiClientId();
    }
}
