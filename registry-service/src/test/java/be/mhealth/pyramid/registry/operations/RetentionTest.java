package be.mhealth.pyramid.registry.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.registry.RegistryFixtures;
import be.mhealth.pyramid.support.PyramidConfig;
import be.mhealth.pyramid.support.retention.RetentionJob;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The purge removes what is older than its age, in batches, and keeps everything younger or still needed. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class RetentionTest {

    @Inject
    RetentionJob retention;

    @Inject
    PyramidConfig config;

    @Inject
    EntityManager em;

    @Inject
    RegistryFixtures fixtures;

    @Test
    void rowsOlderThanTheirAgeArePurgedInBatchesAndTheRestStays() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        OffsetDateTime now = OffsetDateTime.now();
        PyramidConfig.Retention ages = config.retention();
        int old = ages.batchSize() * 2 + 1;
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < old; i++) {
                outbox(tag, now.minus(ages.publishedOutbox()).minusHours(1));
                processed(tag, now.minus(ages.processedEvents()).minusHours(1));
                idempotency(tag, now.minus(ages.idempotencyRecords()).minusHours(1));
                parked(tag, i, "DISCARDED", now.minus(ages.resolvedParkedEvents()).minusHours(1));
            }
            outbox(tag, now.minus(ages.publishedOutbox()).plusHours(1));
            unpublishedOutbox(tag, now.minus(Duration.ofDays(3650)));
            processed(tag, now.minus(ages.processedEvents()).plusHours(1));
            idempotency(tag, now.minus(ages.idempotencyRecords()).plusHours(1));
            parked(tag, old, "APPLIED", now.minus(ages.resolvedParkedEvents()).plusHours(1));
            parked(tag, old + 1, "PARKED", null);
        });

        retention.purge();

        assertThat(count("select count(*) from outbox_event where type = ?1", tag)).as("young + unpublished")
                .isEqualTo(2);
        assertThat(count("select count(*) from processed_event where type = ?1", tag)).isEqualTo(1);
        assertThat(count("select count(*) from idempotency_record where request_fingerprint = ?1", tag)).isEqualTo(1);
        assertThat(count("select count(*) from parked_event where topic = ?1", tag)).as("young resolved + unresolved")
                .isEqualTo(2);
    }

    private void outbox(String tag, OffsetDateTime publishedAt) {
        em.createNativeQuery("insert into outbox_event (event_id, topic, type, app_id, payload, occurred_at, "
                + "published_at) values (?1, 'm', ?2, ?1, '{}', ?3, ?3)")
                .setParameter(1, UUID.randomUUID()).setParameter(2, tag).setParameter(3, publishedAt).executeUpdate();
    }

    private void unpublishedOutbox(String tag, OffsetDateTime occurredAt) {
        em.createNativeQuery("insert into outbox_event (event_id, topic, type, app_id, payload, occurred_at) "
                + "values (?1, 'm', ?2, ?1, '{}', ?3)")
                .setParameter(1, UUID.randomUUID()).setParameter(2, tag).setParameter(3, occurredAt).executeUpdate();
    }

    private void processed(String tag, OffsetDateTime at) {
        em.createNativeQuery("insert into processed_event (event_id, type, topic, processed_at) values (?1, ?2, 't', ?3)")
                .setParameter(1, UUID.randomUUID().toString()).setParameter(2, tag).setParameter(3, at)
                .executeUpdate();
    }

    private void idempotency(String tag, OffsetDateTime at) {
        em.createNativeQuery("insert into idempotency_record (caller, idempotency_key, request_fingerprint, status, "
                + "created_at) values ('retention-test', ?1, ?2, 201, ?3)")
                .setParameter(1, UUID.randomUUID().toString()).setParameter(2, tag).setParameter(3, at)
                .executeUpdate();
    }

    private void parked(String tag, int offset, String status, OffsetDateTime resolvedAt) {
        em.createNativeQuery("insert into parked_event (status, topic, kafka_partition, kafka_offset, headers, "
                + "attempts, first_seen_at, last_seen_at, resolved_at, discard_reason) "
                + "values (?1, ?2, 0, ?3, '[]', 1, now(), now(), ?4, ?5)")
                .setParameter(1, status).setParameter(2, tag).setParameter(3, offset)
                .setParameter(4, resolvedAt).setParameter(5, status.equals("DISCARDED") ? "test" : null)
                .executeUpdate();
    }

    private long count(String sql, String tag) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).setParameter(1, tag)
                .getSingleResult()).longValue());
    }
}
