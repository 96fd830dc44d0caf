package be.mhealth.pyramid.support.web;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A bare {@code {"status":"UP"}} (or 503 DOWN) on the public port's {@code /q/health/*}, for the gateway's upstream
 * checks; the checks with their data are on the management interface only.
 */
@ApplicationScoped
public class PublicHealth {

    private final SmallRyeHealthReporter health;

    public PublicHealth(SmallRyeHealthReporter health) {
        this.health = health;
    }

    void register(@Observes Router router) {
        router.get("/q/health").handler(context -> status(context, health::getHealthAsync));
        router.get("/q/health/live").handler(context -> status(context, health::getLivenessAsync));
        router.get("/q/health/ready").handler(context -> status(context, health::getReadinessAsync));
        router.get("/q/health/started").handler(context -> status(context, health::getStartupAsync));
    }

    private static void status(RoutingContext context, Supplier<Uni<SmallRyeHealth>> check) {
        check.get().subscribe().with(result -> answer(context, !result.isDown()), failure -> answer(context, false));
    }

    private static void answer(RoutingContext context, boolean up) {
        context.response().setStatusCode(up ? 200 : 503)
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
    }
}
