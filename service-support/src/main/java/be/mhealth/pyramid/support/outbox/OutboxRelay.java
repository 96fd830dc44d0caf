package be.mhealth.pyramid.support.outbox;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.Priority;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import be.mhealth.pyramid.events.EventEnvelope;
import be.mhealth.pyramid.support.PyramidConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes outbox rows to Kafka in commit order, as CloudEvents (binary mode: {@code ce_*} headers) keyed
 * by app id. A row is marked published only after the broker acknowledged it, so a crash between commit
 * and publish means the row goes out on the next run (at-least-once; consumers are idempotent).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxRepository repository;
    private final Emitter<String> emitter;
    private final Clock clock;
    private final PyramidConfig.Outbox config;
    private final URI source;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outbox-relay");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean pending = new AtomicBoolean();
    /** Set once the application (and so the emitter's channel) has started; wakes before that wait for it. */
    private volatile boolean started;

    OutboxRelay(OutboxRepository repository, @Channel("outbox") Emitter<String> emitter, Clock clock,
            PyramidConfig config) {
        this.repository = repository;
        this.emitter = emitter;
        this.clock = clock;
        this.config = config.outbox();
        this.source = URI.create("/" + config.serviceName());
    }

    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER + 1000) StartupEvent event) {
        started = true;
        wake();
    }

    /** Asks for a drain soon; wakes that arrive while one is pending are folded into it. */
    public void wake() {
        if (started && pending.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    @Scheduled(every = "${pyramid.outbox.poll-interval:5s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        wake();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    private void drain() {
        pending.set(false);
        try {
            int published;
            do {
                published = QuarkusTransaction.requiringNew().call(this::publishBatch);
            } while (published == config.batchSize());
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay: publishing failed, will retry: %s", e.getMessage());
        }
    }

    /** Publishes one batch; returns how many rows were confirmed. */
    int publishBatch() {
        if (!repository.tryRelayLock()) {
            return 0;
        }
        List<OutboxEvent> rows = repository.nextUnpublished(config.batchSize());
        List<CompletableFuture<Void>> acks = new ArrayList<>(rows.size());
        for (OutboxEvent row : rows) {
            acks.add(send(row));
        }
        int confirmed = 0;
        OffsetDateTime now = OffsetDateTime.now(clock);
        long deadline = System.nanoTime() + config.ackTimeout().toNanos();
        // Only the prefix confirmed in order is marked, so an app's events are never published out of order.
        for (int i = 0; i < rows.size(); i++) {
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                LOG.warnf("outbox relay: event %s not acknowledged (%s); %d of %d published", rows.get(i).eventId,
                        e.getMessage(), confirmed, rows.size());
                break;
            }
            rows.get(i).publishedAt = now;
            confirmed++;
        }
        return confirmed;
    }

    private CompletableFuture<Void> send(OutboxEvent row) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        Message<String> message = Message.of(row.payload)
                .withAck(() -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                })
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(row.topic)
                        .withKey(row.appId.toString())
                        .build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(row.eventId.toString())
                        .withType(row.type)
                        .withSource(source)
                        .withSubject(row.appId.toString())
                        .withTimestamp(row.occurredAt.toZonedDateTime())
                        .withDataContentType(EventEnvelope.DATA_CONTENT_TYPE)
                        .build());
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            ack.completeExceptionally(e);
        }
        return ack;
    }
}
