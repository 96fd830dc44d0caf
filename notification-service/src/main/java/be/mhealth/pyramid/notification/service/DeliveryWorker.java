package be.mhealth.pyramid.notification.service;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.Priority;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import be.mhealth.pyramid.notification.config.NotificationConfig;
import be.mhealth.pyramid.notification.domain.RetrySchedule;
import be.mhealth.pyramid.notification.domain.SigningSecret;
import be.mhealth.pyramid.notification.repository.DeliveryQueue;
import be.mhealth.pyramid.notification.repository.DeliveryQueue.Claimed;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Works the delivery queue: woken right after deliveries are queued (and polling for retries that fell due), it claims
 * as many due deliveries as it has free workers, and each worker makes one attempt: check the receiver's addresses,
 * sign (Standard Webhooks: {@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}), post, record
 * the outcome. A failure is retried with exponential backoff and jitter until {@code retry-for} after it was queued,
 * then given up; a subscription whose deliveries have all failed for {@code pause-after} is paused with the reason.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    private final DeliveryQueue queue;
    private final TargetPolicy policy;
    private final WebhookSender sender;
    private final SecretCipher cipher;
    private final Clock clock;
    private final NotificationConfig.Delivery config;
    private final RetrySchedule schedule;
    private final ExecutorService dispatcher = Executors.newSingleThreadExecutor(r -> daemon(r, "webhook-dispatch"));
    private final ExecutorService workers;
    private final Semaphore free;
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private volatile boolean started;
    private final Counter delivered;
    private final Counter failedAttempts;
    private final Counter givenUp;
    private final Counter paused;

    DeliveryWorker(DeliveryQueue queue, TargetPolicy policy, WebhookSender sender, SecretCipher cipher, Clock clock,
            NotificationConfig config, MeterRegistry metrics) {
        this.queue = queue;
        this.policy = policy;
        this.sender = sender;
        this.cipher = cipher;
        this.clock = clock;
        this.config = config.delivery();
        NotificationConfig.Backoff backoff = this.config.backoff();
        this.schedule = new RetrySchedule(backoff.initial(), backoff.max(), backoff.jitter());
        int size = Math.max(1, this.config.workers());
        AtomicInteger number = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(size, r -> daemon(r, "webhook-" + number.incrementAndGet()));
        this.free = new Semaphore(size);
        this.delivered = outcome(metrics, "delivered");
        this.failedAttempts = outcome(metrics, "failed-attempt");
        this.givenUp = outcome(metrics, "given-up");
        this.paused = Counter.builder("pyramid.webhook.subscriptions.paused")
                .description("Subscriptions paused automatically after a day of failed deliveries")
                .register(metrics);
    }

    private static Counter outcome(MeterRegistry metrics, String outcome) {
        return Counter.builder("pyramid.webhook.attempts").description("Webhook delivery attempts by outcome")
                .tag("outcome", outcome).register(metrics);
    }

    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER + 1000) StartupEvent event) {
        started = true;
        wake();
    }

    /** Deliveries were queued and committed: look for work now rather than at the next poll. */
    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveryQueue.Queued queued) {
        wake();
    }

    @Scheduled(every = "${pyramid.notification.delivery.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        wake();
    }

    /** Asks for a claim round soon; wakes that arrive while one is pending are folded into it. */
    public void wake() {
        if (started && wakePending.compareAndSet(false, true)) {
            dispatcher.execute(this::dispatch);
        }
    }

    @PreDestroy
    void stop() {
        started = false;
        dispatcher.shutdownNow();
        workers.shutdown();
        try {
            workers.awaitTermination(config.responseTimeout().toMillis() + 2000, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void dispatch() {
        wakePending.set(false);
        try {
            while (started) {
                int slots = free.availablePermits();
                if (slots == 0) {
                    return;
                }
                OffsetDateTime now = OffsetDateTime.now(clock);
                List<Claimed> claimed = QuarkusTransaction.requiringNew().call(() -> queue.claim(slots,
                        Math.max(1, config.maxConcurrentPerSubscription()), now, config.lease()));
                for (Claimed delivery : claimed) {
                    free.acquireUninterruptibly();
                    workers.execute(() -> {
                        try {
                            attempt(delivery);
                        } finally {
                            free.release();
                            wake();
                        }
                    });
                }
                if (claimed.size() < slots) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("webhooks: claiming deliveries failed, will try again: %s", e.getMessage());
        }
    }

    /** One attempt at one claimed delivery; its outcome is recorded whatever happens. */
    void attempt(Claimed delivery) {
        OffsetDateTime at = OffsetDateTime.now(clock);
        WebhookSender.Result result;
        try {
            TargetPolicy.Target target = policy.target(delivery.url());
            SigningSecret secret = cipher.decrypt(delivery.secretCiphertext(), delivery.subscriptionId());
            String id = delivery.id().toString();
            long timestamp = at.toEpochSecond();
            result = sender.send(target, Map.of(
                    "webhook-id", id,
                    "webhook-timestamp", Long.toString(timestamp),
                    "webhook-signature", secret.sign(id, timestamp, delivery.body())), delivery.body());
        } catch (TargetPolicy.RefusedTarget e) {
            result = new WebhookSender.Result(null, e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "webhooks: delivery %s could not be attempted", delivery.id());
            result = new WebhookSender.Result(null, "internal error: " + e.getClass().getSimpleName());
        }
        try {
            record(delivery, result);
        } catch (RuntimeException e) {
            // The lease runs out and the delivery is attempted again (same webhook-id: at-least-once).
            LOG.warnf("webhooks: the outcome of delivery %s could not be recorded: %s", delivery.id(), e.getMessage());
        }
    }

    private void record(Claimed delivery, WebhookSender.Result result) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (result.delivered()) {
            QuarkusTransaction.requiringNew().run(() -> queue.succeeded(delivery.id(), result.status(), now));
            delivered.increment();
            return;
        }
        int failures = delivery.attempts() + 1;
        OffsetDateTime next = now.plus(schedule.delayAfter(failures, ThreadLocalRandom.current().nextDouble()));
        OffsetDateTime retry = next.isAfter(delivery.retryUntil()) ? null : next;
        String error = WebhookSender.shorten(result.error() == null ? "failed" : result.error(), 1000);
        boolean pausedNow = QuarkusTransaction.requiringNew().call(() -> {
            OffsetDateTime failingSince = queue.failed(delivery.id(), result.status(), error, now, retry);
            if (failingSince == null || Duration.between(failingSince, now).compareTo(config.pauseAfter()) < 0) {
                return false;
            }
            return queue.pauseAutomatically(delivery.subscriptionId(), "paused automatically: every delivery "
                    + "attempt since " + failingSince.toInstant() + " failed; the last: " + error, now);
        });
        if (retry == null) {
            givenUp.increment();
            LOG.infof("webhooks: delivery %s (%s) given up after %d attempts: %s", delivery.id(),
                    delivery.eventType(), failures, error);
        } else {
            failedAttempts.increment();
            LOG.debugf("webhooks: delivery %s attempt %d failed, next at %s: %s", delivery.id(), failures, retry,
                    error);
        }
        if (pausedNow) {
            paused.increment();
            LOG.warnf("webhooks: subscription %s paused automatically after a day of failed deliveries: %s",
                    delivery.subscriptionId(), error);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
