package be.mhealth.pyramid.support.inbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The high-water mark per topic partition ({@code consumer_position}): the highest offset this service has handled.
 * It moves in the same transaction as the event's effect (or its parking), so a record at or below it was handled
 * and is skipped, even after its {@code processed_event} row was purged and the consumer group's committed offsets
 * expired (a consumer group then reads its topics from the start). Records of one partition are handled in offset
 * order, so every offset below the mark was handled too.
 */
@ApplicationScoped
public class ConsumerPositions {

    private static final String ON_CONFLICT = " on conflict (topic, kafka_partition) do update "
            + "set last_offset = excluded.last_offset, updated_at = excluded.updated_at "
            + "where consumer_position.last_offset < excluded.last_offset";

    private final EntityManager em;
    private final Clock clock;
    /** Marks known to be committed: a record at or below them is skipped without a transaction. */
    private final Map<String, Long> committed = new ConcurrentHashMap<>();

    ConsumerPositions(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** True when the record's offset is known to be handled already (no database needed). */
    boolean handledBefore(InboundRecord record) {
        Long mark = committed.get(slot(record));
        return mark != null && record.offset() <= mark;
    }

    /**
     * Moves the mark to the record's offset in the caller's transaction (locking the partition's row until it ends);
     * false when the mark stood there or beyond already: the record was handled before.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean advance(InboundRecord record) {
        int moved = em.createNativeQuery("insert into consumer_position (topic, kafka_partition, last_offset, updated_at) "
                + "values (?1, ?2, ?3, ?4)" + ON_CONFLICT)
                .setParameter(1, record.topic())
                .setParameter(2, record.partition())
                .setParameter(3, record.offset())
                .setParameter(4, OffsetDateTime.now(clock))
                .executeUpdate();
        return moved == 1;
    }

    /**
     * As {@link #advance(InboundRecord)}, after setting the transaction's {@code lock_timeout} (a PostgreSQL
     * interval, e.g. {@code 5000ms}) in the same statement: one round trip for both, before the first lock it waits for.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean advance(InboundRecord record, String lockTimeout) {
        int moved = em.createNativeQuery("insert into consumer_position (topic, kafka_partition, last_offset, updated_at) "
                + "select ?1, ?2, ?3, ?4 from (select set_config('lock_timeout', ?5, true)) timeout" + ON_CONFLICT)
                .setParameter(1, record.topic())
                .setParameter(2, record.partition())
                .setParameter(3, record.offset())
                .setParameter(4, OffsetDateTime.now(clock))
                .setParameter(5, lockTimeout)
                .executeUpdate();
        return moved == 1;
    }

    /** After the transaction that handled {@code record} committed. */
    void committed(InboundRecord record) {
        committed.merge(slot(record), record.offset(), Math::max);
    }

    private static String slot(InboundRecord record) {
        return record.topic() + "-" + record.partition();
    }
}
