package be.mhealth.pyramid.support.outbox;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, Long> {

    /** Only one relay (across replicas) publishes at a time, which keeps each app's events in order. */
    public boolean tryRelayLock() {
        Object locked = getEntityManager()
                .createNativeQuery("select pg_try_advisory_xact_lock(hashtext('pyramid.outbox.relay'))")
                .getSingleResult();
        return Boolean.TRUE.equals(locked);
    }

    public List<OutboxEvent> nextUnpublished(int limit) {
        return find("publishedAt is null order by sequence").page(0, limit).list();
    }

    public long countUnpublished() {
        return count("publishedAt is null");
    }
}
