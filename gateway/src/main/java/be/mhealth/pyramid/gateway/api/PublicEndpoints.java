package be.mhealth.pyramid.gateway.api;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * What the public port answers besides the API: a bare liveness/readiness status (the checks, their data and the
 * metrics are on the management interface, {@code quarkus.management.port}) and a problem+json 404 for anything
 * unknown, {@code /q/metrics} included.
 */
@ApplicationScoped
public class PublicEndpoints {

    private final SmallRyeHealthReporter health;

    public PublicEndpoints(SmallRyeHealthReporter health) {
        this.health = health;
    }

    void register(@Observes Router router) {
        router.get("/q/health").handler(context -> status(context, health::getHealthAsync));
        router.get("/q/health/live").handler(context -> status(context, health::getLivenessAsync));
        router.get("/q/health/ready").handler(context -> status(context, health::getReadinessAsync));
        router.get("/q/health/started").handler(context -> status(context, health::getStartupAsync));
        router.route().last().handler(context -> Problems.send(context.response(), 404, "not-found", "Not found",
                "no such resource: " + context.request().path()));
    }

    private static void status(RoutingContext context, Supplier<Uni<SmallRyeHealth>> check) {
        check.get().subscribe().with(result -> {
            boolean up = !result.isDown();
            context.response().setStatusCode(up ? 200 : 503)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Cache-Control", "no-store")
                    .end(up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
        }, failure -> context.response().setStatusCode(503).putHeader("Content-Type", "application/json")
                .end("{\"status\":\"DOWN\"}"));
    }
}
