package be.mhealth.pyramid.support.admin;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import be.mhealth.pyramid.support.inbox.ParkedEventCounts;
import be.mhealth.pyramid.support.inbox.ParkedEventStatus;

/**
 * Reports how many events are parked and held, per topic. Always UP: one event that cannot be applied must not take
 * the service out of rotation (the alert is the {@code pyramid.parked.events} gauge).
 */
@Readiness
@ApplicationScoped
public class ParkedEventsHealthCheck implements HealthCheck {

    private final ParkedEventCounts counts;

    ParkedEventsHealthCheck(ParkedEventCounts counts) {
        this.counts = counts;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("parked-events").up();
        if (!counts.known()) {
            return response.withData("counted", false).build();
        }
        long parked = 0;
        long held = 0;
        for (Map.Entry<String, Map<ParkedEventStatus, Long>> topic : counts.snapshot().entrySet()) {
            long p = topic.getValue().getOrDefault(ParkedEventStatus.PARKED, 0L);
            long h = topic.getValue().getOrDefault(ParkedEventStatus.HELD, 0L);
            response.withData(topic.getKey() + " parked", p).withData(topic.getKey() + " held", h);
            parked += p;
            held += h;
        }
        return response.withData("parked", parked).withData("held", held).build();
    }
}
