package be.mhealth.pyramid.support.outbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import be.mhealth.pyramid.events.AppEvent;
import be.mhealth.pyramid.events.EventJson;
import be.mhealth.pyramid.events.EventType;
import be.mhealth.pyramid.events.Limits;
import be.mhealth.pyramid.support.PyramidConfig;

/**
 * Records an event in the caller's transaction (transactional outbox). The relay publishes it once the
 * transaction has committed, and is woken right then rather than at its next poll.
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_REGISTERED = new Object();

    private final OutboxRepository repository;
    private final OutboxRelay relay;
    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock;
    private final String serviceName;

    Outbox(OutboxRepository repository, OutboxRelay relay, TransactionSynchronizationRegistry transactions,
            Clock clock, PyramidConfig config) {
        this.repository = repository;
        this.relay = relay;
        this.transactions = transactions;
        this.clock = clock;
        this.serviceName = config.serviceName();
    }

    /**
     * Adds the event to the current transaction; returns its CloudEvents id. A payload that breaks the contract's
     * limits is refused (IllegalArgumentException): the producing API validates first, so this only guards bugs.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(AppEvent payload) {
        EventType type = EventType.of(payload);
        List<Limits.Violation> violations = Limits.violations(payload);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(type.ceType() + " breaks the event contract's limits: " + violations);
        }
        if (!type.topic().producer().equals(serviceName)) {
            throw new IllegalStateException(serviceName + " may not publish " + type.ceType()
                    + " (topic " + type.topic().topicName() + " belongs to " + type.topic().producer() + ")");
        }
        OutboxEvent row = new OutboxEvent();
        row.eventId = UUID.randomUUID();
        row.topic = type.topic().topicName();
        row.type = type.ceType();
        row.appId = payload.appId();
        row.payload = EventJson.write(payload);
        row.occurredAt = OffsetDateTime.now(clock);
        repository.persist(row);
        wakeRelayAfterCommit();
        return row.eventId;
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_REGISTERED) != null) {
            return;
        }
        transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
