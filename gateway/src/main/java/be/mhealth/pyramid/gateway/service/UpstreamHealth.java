package be.mhealth.pyramid.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.HealthRegistry;
import io.smallrye.health.registry.HealthRegistries;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;

/**
 * One check per upstream in the health group {@code upstreams} (management interface,
 * {@code /q/health/group/upstreams}): its readiness endpoint answers 200, plus the state of its circuit. They are not
 * readiness checks: a replica whose upstream is down still serves the other routes (and answers 503 for that one).
 */
@ApplicationScoped
public class UpstreamHealth {

    public static final String GROUP = "upstreams";
    private static final long CHECK_TIMEOUT_MS = 2000;

    void register(@Observes StartupEvent event, Upstreams upstreams, RateLimiter rateLimiter) {
        HealthRegistry registry = HealthRegistries.getHealthGroupRegistry(GROUP);
        registry.register("rate-limit-store", () -> HealthCheckResponse.named("rate-limit store")
                .status(rateLimiter.storeUp())
                .withData("budgets", rateLimiter.storeUp() ? "shared by all replicas" : "local share per replica")
                .build());
        for (UpstreamProxy upstream : upstreams.all()) {
            registry.register("upstream-" + upstream.name(), () -> check(upstream));
        }
    }

    private static Uni<HealthCheckResponse> check(UpstreamProxy upstream) {
        Future<Integer> status = upstream.client()
                .request(upstream.request(upstream.config().healthPath()).setMethod(HttpMethod.GET)
                        .setTimeout(CHECK_TIMEOUT_MS))
                .compose(request -> request.send())
                .compose(response -> response.body().map(ignored -> response.statusCode()));
        return Uni.createFrom().completionStage(status.toCompletionStage())
                .map(code -> builder(upstream).status(code == 200).withData("status", code).build())
                .onFailure().recoverWithItem(failure -> builder(upstream).down()
                        .withData("error", String.valueOf(failure.getMessage())).build());
    }

    private static HealthCheckResponseBuilder builder(UpstreamProxy upstream) {
        return HealthCheckResponse.named("upstream " + upstream.name())
                .withData("url", upstream.config().url().toString())
                .withData("circuit", upstream.circuitState().name());
    }
}
