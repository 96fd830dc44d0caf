package be.mhealth.pyramid.notification.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import be.mhealth.pyramid.notification.domain.Delivery;
import be.mhealth.pyramid.notification.domain.DeliveryStatus;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** Reads of the delivery log; the queue's writes are in {@link DeliveryQueue}. */
@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    /** A subscription's deliveries, newest first, optionally of one status. */
    public PanacheQuery<Delivery> log(UUID subscription, DeliveryStatus status) {
        Sort newestFirst = Sort.descending("sequence");
        return status == null ? find("subscriptionId = ?1", newestFirst, subscription)
                : find("subscriptionId = ?1 and status = ?2", newestFirst, subscription, status);
    }

    public Delivery of(UUID subscription, UUID delivery) {
        return find("id = ?1 and subscriptionId = ?2", delivery, subscription).firstResult();
    }
}
