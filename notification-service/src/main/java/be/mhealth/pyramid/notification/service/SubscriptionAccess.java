package be.mhealth.pyramid.notification.service;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import be.mhealth.pyramid.notification.domain.Audience;
import be.mhealth.pyramid.notification.domain.Authority;
import be.mhealth.pyramid.notification.domain.Subscription;
import be.mhealth.pyramid.notification.repository.SubscriptionRepository;
import be.mhealth.pyramid.support.problem.ResourceNotFoundException;
import be.mhealth.pyramid.support.security.Caller;
import be.mhealth.pyramid.support.security.Roles;
import io.quarkus.security.ForbiddenException;

/**
 * Who may do what with subscriptions. A vendor's subscriptions belong to its organization, an authority's to the
 * authority (every assessor and the authority's system share them); owners see only theirs (another's is 404).
 * {@code platform-admin} sees all and may pause, resume, delete, test and replay them, but neither subscribes
 * itself nor changes where or what another owner's subscription delivers (that would send the owner's data
 * elsewhere).
 */
@ApplicationScoped
public class SubscriptionAccess {

    private final Caller caller;
    private final SubscriptionRepository subscriptions;

    SubscriptionAccess(Caller caller, SubscriptionRepository subscriptions) {
        this.caller = caller;
        this.subscriptions = subscriptions;
    }

    public boolean isOperator() {
        return caller.hasRole(Roles.PLATFORM_ADMIN);
    }

    /** The audience the caller subscribes for; 403 for a caller that is not exactly one vendor or authority. */
    public Audience subscriber() {
        Set<Audience> audiences = new LinkedHashSet<>();
        if (caller.isVendor()) {
            audiences.add(Audience.vendor(caller.requireOrganization()));
        }
        for (Authority authority : Authority.values()) {
            if (caller.hasRole(authority.role())) {
                audiences.add(Audience.authority(authority));
            }
        }
        if (audiences.size() == 1) {
            return audiences.iterator().next();
        }
        if (audiences.isEmpty()) {
            throw new ForbiddenException(isOperator()
                    ? "platform-admin manages every subscription but does not subscribe to other owners' events"
                    : "only vendors and authorities subscribe to webhooks");
        }
        throw new ForbiddenException("the token carries roles of several subscribers; use an account of one");
    }

    /** Whose subscriptions the caller lists: its own, or every one (null) for an operator. */
    public Audience listedOwner() {
        return isOperator() && !subscribesToo() ? null : subscriber();
    }

    /** A subscription the caller may see: its own, or any for an operator; else 404. */
    public Subscription readable(UUID id) {
        Subscription subscription = subscriptions.findById(id);
        if (subscription == null || !(isOperator() || subscription.ownedBy(subscriber()))) {
            throw new ResourceNotFoundException("subscription", id);
        }
        return subscription;
    }

    /** A subscription whose target and events the caller may change: its owner's only (an operator's: 403). */
    public Subscription changeable(UUID id) {
        Subscription subscription = readable(id);
        if (!subscribesToo() || !subscription.ownedBy(subscriber())) {
            throw new ForbiddenException("only the owner changes where and what a subscription delivers; "
                    + "platform-admin may pause, resume, delete, test and replay it");
        }
        return subscription;
    }

    private boolean subscribesToo() {
        if (caller.isVendor()) {
            return true;
        }
        for (Authority authority : Authority.values()) {
            if (caller.hasRole(authority.role())) {
                return true;
            }
        }
        return false;
    }
}
