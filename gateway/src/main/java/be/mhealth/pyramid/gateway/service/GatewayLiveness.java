package be.mhealth.pyramid.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** The gateway itself: up while it can serve, with the number of routes it knows. */
@Liveness
@ApplicationScoped
public class GatewayLiveness implements HealthCheck {

    private final Upstreams upstreams;

    public GatewayLiveness(Upstreams upstreams) {
        this.upstreams = upstreams;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("gateway").up()
                .withData("routes", upstreams.routes().size())
                .withData("upstreams", upstreams.all().size())
                .build();
    }
}
