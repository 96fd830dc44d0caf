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

    RateLimit rateLimit();

    CircuitBreaker circuitBreaker();

    OpenApi openapi();

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

        /** Callers tracked at once (least recently seen are forgotten first). */
        @WithDefault("100000")
        long maxCallers();
    }

    interface Budget {
        /** Requests allowed per period (also the burst size). */
        long requests();

        Duration period();
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
    }
}
