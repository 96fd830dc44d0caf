package be.mhealth.pyramid.m1.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import be.mhealth.pyramid.events.M1Events;
import be.mhealth.pyramid.m1.domain.Certificate;
import be.mhealth.pyramid.m1.domain.Dossier;
import be.mhealth.pyramid.m1.domain.DossierAction;
import be.mhealth.pyramid.m1.domain.DossierLifecycle;
import be.mhealth.pyramid.m1.domain.DossierRules;
import be.mhealth.pyramid.m1.domain.DossierStatus;
import be.mhealth.pyramid.m1.domain.GdprDeclaration;
import be.mhealth.pyramid.m1.repository.AttachmentRepository;
import be.mhealth.pyramid.m1.repository.DossierRepository;
import be.mhealth.pyramid.m1.repository.DossierTransitionRepository;
import be.mhealth.pyramid.support.outbox.Outbox;
import be.mhealth.pyramid.support.problem.RuleViolationException;
import be.mhealth.pyramid.support.problem.StateConflictException;
import be.mhealth.pyramid.support.projection.AppAccess;
import be.mhealth.pyramid.support.projection.AppCopy;
import be.mhealth.pyramid.support.projection.AppCopyRepository;
import be.mhealth.pyramid.support.security.Caller;
import be.mhealth.pyramid.support.web.EntityTags;

/**
 * The vendor's and the assessor's operations on dossiers. Every state change records its transition, and a
 * decision's event goes to the outbox in the same transaction.
 */
@ApplicationScoped
public class DossierService {

    private final DossierRepository dossiers;
    private final DossierTransitionRepository history;
    private final AttachmentRepository attachments;
    private final AppAccess appAccess;
    private final AppCopyRepository appCopies;
    private final AppCopyArrival arrival;
    private final DossierAccess access;
    private final Outbox outbox;
    private final Caller caller;
    private final Clock clock;

    DossierService(DossierRepository dossiers, DossierTransitionRepository history, AttachmentRepository attachments,
            AppAccess appAccess, AppCopyRepository appCopies, AppCopyArrival arrival, DossierAccess access,
            Outbox outbox, Caller caller, Clock clock) {
        this.dossiers = dossiers;
        this.history = history;
        this.attachments = attachments;
        this.appAccess = appAccess;
        this.appCopies = appCopies;
        this.arrival = arrival;
        this.access = access;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
    }

    /** Opens a DRAFT for an app of the caller's organization that has no open dossier and no active grant. */
    @Transactional
    public Dossier create(UUID appId, Certificate certificate, String famhpNotification, GdprDeclaration gdpr) {
        String organization = caller.requireOrganization();
        arrival.awaitKnown(appId);
        AppCopy app = appAccess.ownedBy(appId, organization);
        // One creation per app at a time, so the check below cannot race with another request.
        appCopies.getEntityManager().lock(app, LockModeType.PESSIMISTIC_WRITE);
        dossiers.findBlocking(appId).ifPresent(existing -> {
            throw new StateConflictException("dossier-exists", "app " + appId + " already has "
                    + (existing.status() == DossierStatus.APPROVED ? "an active M1 grant" : "an open M1 dossier")
                    + " (" + existing.id + ")", existing.status().name());
        });
        OffsetDateTime now = now();
        DossierRules.requireValidContent(certificate, gdpr, now.toLocalDate());
        Dossier dossier = Dossier.open(appId, app.organizationId, caller.name(), now);
        dossier.certificate = certificate;
        dossier.famhpNotification = famhpNotification;
        dossier.gdpr = gdpr;
        dossiers.persist(dossier);
        history.persist(dossier.creation());
        dossiers.flush();
        return dossier;
    }

    /** Replaces the content while DRAFT or INFO_REQUESTED; requires the current ETag. */
    @Transactional
    public Dossier update(UUID id, String ifMatch, UUID appId, Certificate certificate, String famhpNotification,
            GdprDeclaration gdpr) {
        Dossier dossier = access.forVendorChange(id);
        EntityTags.requireMatch(ifMatch, dossier.version);
        dossier.requireEditable("update");
        if (!dossier.appId.equals(appId)) {
            throw new RuleViolationException("appId", "cannot change; this dossier is for app " + dossier.appId);
        }
        OffsetDateTime now = now();
        DossierRules.requireValidContent(certificate, gdpr, now.toLocalDate());
        dossier.certificate = certificate;
        dossier.famhpNotification = famhpNotification;
        dossier.gdpr = gdpr;
        dossier.updatedAt = now;
        dossiers.flush();
        return dossier;
    }

    /** DRAFT → SUBMITTED, or INFO_REQUESTED → IN_REVIEW: needs an unexpired certificate and its PDF. */
    @Transactional
    public Dossier submit(UUID id, String ifMatch) {
        Dossier dossier = access.forVendorChange(id);
        matchIfGiven(ifMatch, dossier);
        OffsetDateTime now = now();
        boolean resubmission = dossier.status() == DossierStatus.INFO_REQUESTED;
        DossierRules.requireSubmittable(dossier.certificate, attachments.kindsOf(id), now.toLocalDate());
        return record(dossier, DossierAction.SUBMIT, now,
                resubmission ? "re-submitted after the information request" : "submitted for review");
    }

    /** The vendor withdraws a dossier that is not decided. */
    @Transactional
    public Dossier withdraw(UUID id, String ifMatch, String reason) {
        Dossier dossier = access.forVendorChange(id);
        matchIfGiven(ifMatch, dossier);
        return record(dossier, DossierAction.WITHDRAW, now(), reason);
    }

    /**
     * The assessor's decision. A SUBMITTED dossier is taken into review first (both steps are recorded).
     * Approval and rejection publish their event.
     */
    @Transactional
    public Dossier decide(UUID id, String ifMatch, DossierAction decision, String reason) {
        Dossier dossier = access.forChange(id);
        matchIfGiven(ifMatch, dossier);
        if (decision != DossierAction.APPROVE && (reason == null || reason.isBlank())) {
            throw new RuleViolationException("reason", "is required unless the outcome is APPROVED");
        }
        OffsetDateTime now = now();
        if (dossier.status() == DossierStatus.SUBMITTED) {
            history.persist(dossier.apply(DossierAction.START_REVIEW, caller.name(), now, "taken into review"));
        }
        if (decision == DossierAction.APPROVE) {
            DossierRules.requireGrantable(dossier.certificate, now.toLocalDate());
        }
        record(dossier, decision, now, decision == DossierAction.APPROVE && (reason == null || reason.isBlank())
                ? "approved" : reason);
        switch (decision) {
            case APPROVE -> outbox.publish(new M1Events.M1Granted(dossier.appId, dossier.id,
                    dossier.certificate.regulation.name(), dossier.certificate.deviceClass.name(),
                    dossier.certificate.number, dossier.certificate.expiresOn, caller.name(), now.toInstant()));
            case REJECT -> outbox.publish(new M1Events.M1Rejected(dossier.appId, dossier.id, reason, caller.name(),
                    now.toInstant()));
            default -> {
                // an information request stays within M1: no event
            }
        }
        return dossier;
    }

    /** APPROVED → REVOKED, with its event. */
    @Transactional
    public Dossier revoke(UUID id, String ifMatch, String reason) {
        Dossier dossier = access.forChange(id);
        matchIfGiven(ifMatch, dossier);
        OffsetDateTime now = now();
        record(dossier, DossierAction.REVOKE, now, reason);
        outbox.publish(new M1Events.M1Revoked(dossier.appId, dossier.id, reason, caller.name(), now.toInstant()));
        return dossier;
    }

    /**
     * FAMHP established that the certificate behind a grant expired earlier than the dossier states (e.g. the
     * notified body confirms it was not renewed): APPROVED → EXPIRED, with its event.
     */
    @Transactional
    public Dossier recordExpiry(UUID id, String ifMatch, LocalDate expiredOn, String reason) {
        Dossier dossier = access.forChange(id);
        matchIfGiven(ifMatch, dossier);
        DossierLifecycle.require(dossier.status(), DossierAction.EXPIRE);
        OffsetDateTime now = now();
        DossierRules.requireEarlierExpiry(dossier.certificate, expiredOn, now.toLocalDate());
        history.persist(dossier.expire(expiredOn, caller.name(), now, reason));
        dossiers.flush();
        outbox.publish(new M1Events.M1Expired(dossier.appId, dossier.id, expiredOn, reason, caller.name(),
                now.toInstant()));
        return dossier;
    }

    private Dossier record(Dossier dossier, DossierAction action, OffsetDateTime now, String reason) {
        history.persist(dossier.apply(action, caller.name(), now, reason));
        dossiers.flush();
        return dossier;
    }

    /** Transitions check {@code If-Match} when it is sent (412 if stale); the life cycle guards the rest. */
    private static void matchIfGiven(String ifMatch, Dossier dossier) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            EntityTags.requireMatch(ifMatch, dossier.version);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
