package be.mhealth.pyramid.support.inbox;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import be.mhealth.pyramid.events.Topic;
import be.mhealth.pyramid.support.PyramidConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * How many events are PARKED and HELD per consumed topic: the gauge {@code pyramid.parked.events} (tags
 * {@code service}, {@code topic}, {@code status}; Prometheus {@code pyramid_parked_events}) and the readiness
 * check's data. Re-counted every {@code pyramid.inbox.parked-count-refresh} and within a second of a change, never
 * on a scrape.
 */
@ApplicationScoped
public class ParkedEventCounts {

    public static final String METER = "pyramid.parked.events";
    static final List<ParkedEventStatus> UNRESOLVED = List.of(ParkedEventStatus.PARKED, ParkedEventStatus.HELD);
    private static final Logger LOG = Logger.getLogger(ParkedEventCounts.class);

    private final EntityManager em;
    private final MeterRegistry meters;
    private final InboxHandlers handlers;
    private final String service;
    private final Map<String, Map<ParkedEventStatus, AtomicLong>> counts = new ConcurrentHashMap<>();
    private final AtomicBoolean dirty = new AtomicBoolean(true);
    private volatile boolean known;

    ParkedEventCounts(EntityManager em, MeterRegistry meters, InboxHandlers handlers, PyramidConfig config) {
        this.em = em;
        this.meters = meters;
        this.handlers = handlers;
        this.service = config.serviceName();
    }

    void register(@Observes StartupEvent event) {
        for (Topic topic : handlers.topics()) {
            for (ParkedEventStatus status : UNRESOLVED) {
                AtomicLong value = slot(topic.topicName(), status);
                Gauge.builder(METER, value, AtomicLong::doubleValue)
                        .description("Events this service could not apply (PARKED) or holds behind them (HELD)")
                        .tag("service", service).tag("topic", topic.topicName()).tag("status", status.name())
                        .register(meters);
            }
        }
    }

    /** Asks for a re-count within a second (after a commit that parked, held or resolved events). */
    void changed() {
        dirty.set(true);
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refreshIfChanged() {
        if (dirty.get()) {
            refresh();
        }
    }

    @Scheduled(every = "${pyramid.inbox.parked-count-refresh:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        dirty.set(false);
        try {
            Map<String, Map<ParkedEventStatus, Long>> fresh = QuarkusTransaction.requiringNew().call(this::query);
            counts.forEach((topic, byStatus) -> byStatus.forEach((status, value) -> value.set(
                    fresh.getOrDefault(topic, Map.of()).getOrDefault(status, 0L))));
            fresh.forEach((topic, byStatus) -> byStatus.forEach((status, n) -> slot(topic, status).set(n)));
            known = true;
        } catch (RuntimeException e) {
            dirty.set(true);
            LOG.debugf("could not count parked events: %s", e.getMessage());
        }
    }

    /** The last counts, per topic and unresolved status; empty before the first count succeeded. */
    public Map<String, Map<ParkedEventStatus, Long>> snapshot() {
        Map<String, Map<ParkedEventStatus, Long>> copy = new java.util.TreeMap<>();
        if (known) {
            counts.forEach((topic, byStatus) -> {
                Map<ParkedEventStatus, Long> values = new EnumMap<>(ParkedEventStatus.class);
                byStatus.forEach((status, value) -> values.put(status, value.get()));
                copy.put(topic, values);
            });
        }
        return copy;
    }

    public boolean known() {
        return known;
    }

    private Map<String, Map<ParkedEventStatus, Long>> query() {
        Map<String, Map<ParkedEventStatus, Long>> result = new java.util.HashMap<>();
        for (Object row : em.createNativeQuery("select topic, status, count(*) from parked_event "
                + "where status in ('PARKED', 'HELD') group by topic, status").getResultList()) {
            Object[] cells = (Object[]) row;
            result.computeIfAbsent((String) cells[0], t -> new EnumMap<>(ParkedEventStatus.class))
                    .put(ParkedEventStatus.valueOf((String) cells[1]), ((Number) cells[2]).longValue());
        }
        return result;
    }

    private AtomicLong slot(String topic, ParkedEventStatus status) {
        return counts.computeIfAbsent(topic, t -> new ConcurrentHashMap<>())
                .computeIfAbsent(status, s -> new AtomicLong());
    }
}
