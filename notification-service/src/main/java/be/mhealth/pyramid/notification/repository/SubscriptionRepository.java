package be.mhealth.pyramid.notification.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import be.mhealth.pyramid.notification.domain.Audience;
import be.mhealth.pyramid.notification.domain.Subscription;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<Subscription, UUID> {

    /** An owner's subscriptions, oldest first; every subscription when {@code owner} is null (operators). */
    public PanacheQuery<Subscription> listed(Audience owner) {
        Sort order = Sort.by("createdAt").and("id");
        return owner == null ? findAll(order)
                : find("ownerKind = ?1 and owner = ?2", order, owner.kind(), owner.owner());
    }

    public long countOwnedBy(Audience owner) {
        return count("ownerKind = ?1 and owner = ?2", owner.kind(), owner.owner());
    }

    /** Whether any subscription, active or paused, asks for events of this name. */
    @Transactional
    public boolean anyAskFor(String eventName) {
        return (Boolean) getEntityManager()
                .createNativeQuery("select exists (select 1 from subscription where ?1 = any(events))")
                .setParameter(1, eventName).getSingleResult();
    }
}
