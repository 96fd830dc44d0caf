package be.mhealth.pyramid.m3.service;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.M3Events;
import be.mhealth.pyramid.events.M3Events.ReimbursementKind;
import be.mhealth.pyramid.events.RegistryEvents;
import be.mhealth.pyramid.m3.domain.Grant;
import be.mhealth.pyramid.m3.domain.M3Dossier;
import be.mhealth.pyramid.m3.domain.M3DossierState;
import be.mhealth.pyramid.m3.domain.M3DossierTransition;
import be.mhealth.pyramid.m3.domain.M3Evidence;
import be.mhealth.pyramid.m3.domain.Now;
import be.mhealth.pyramid.m3.repository.M3DossierRepository;
import be.mhealth.pyramid.m3.repository.M3DossierTransitionRepository;
import be.mhealth.pyramid.support.PyramidConfig;
import be.mhealth.pyramid.support.dossier.DossierHistory;
import be.mhealth.pyramid.support.dossier.QueuedDossier;
import be.mhealth.pyramid.support.outbox.Outbox;
import be.mhealth.pyramid.support.paging.Page;
import be.mhealth.pyramid.support.paging.PageRequest;
import be.mhealth.pyramid.support.problem.StateConflictException;
import be.mhealth.pyramid.support.projection.AppAccess;
import be.mhealth.pyramid.support.projection.AppCopy;
import be.mhealth.pyramid.support.projection.AppCopyArrival;
import be.mhealth.pyramid.support.projection.AppCopyRepository;
import be.mhealth.pyramid.support.security.Actor;
import be.mhealth.pyramid.support.security.Caller;
import be.mhealth.pyramid.support.web.EntityTags;

/**
 * Every operation on M3 dossiers. Each change runs in one transaction: it loads the dossier locked
 * ({@code select … for update}, {@link M3DossierAccess}), checks {@code If-Match} against its {@code @Version},
 * lets the aggregate make the move, records the transition and its {@code m3.dossier-state-changed} event
 * ({@link DossierHistory}) and, for a decision, the decision's event — all committed together. Reads run without a
 * transaction of their own ({@code SUPPORTS}).
 */
@ApplicationScoped
@Transactional
public class M3DossierService {

    /** The effective level an app must stand at for a dossier of this level: M2 or higher. */
    static final Level REQUIRED_LEVEL = Level.M2;

    private final M3DossierRepository dossiers;
    private final M3DossierTransitionRepository transitions;
    private final AppAccess appAccess;
    private final AppCopyRepository appCopies;
    private final M3DossierAccess access;
    private final AppCopyArrival arrival;
    private final DossierHistory history;
    private final Outbox outbox;
    private final Caller caller;
    private final Clock clock;
    private final Actor system;

    M3DossierService(M3DossierRepository dossiers, M3DossierTransitionRepository transitions, AppAccess appAccess,
            AppCopyRepository appCopies, M3DossierAccess access, AppCopyArrival arrival, DossierHistory history,
            Outbox outbox, Caller caller, Clock clock, PyramidConfig config) {
        this.dossiers = dossiers;
        this.transitions = transitions;
        this.appAccess = appAccess;
        this.appCopies = appCopies;
        this.access = access;
        this.arrival = arrival;
        this.history = history;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
        this.system = Actor.system(config.serviceName());
    }

    /** The present moment and NIHDI's calendar day (the platform's, Belgian). */
    @Transactional(TxType.SUPPORTS)
    public Now now() {
        return Now.of(clock);
    }

    // ---- reads ----

    @Transactional(TxType.SUPPORTS)
    public M3Dossier get(UUID id) {
        return access.readable(id);
    }

    /** The caller's view: a vendor's own organization's dossiers, or NIHDI's submitted ones; newest first. */
    @Transactional(TxType.SUPPORTS)
    public Page<M3Dossier> list(UUID appId, Set<M3DossierState> states, PageRequest page) {
        M3DossierAccess.Scope scope = access.scope();
        return Page.of(dossiers.search(scope.organization(), scope.submittedOnly(), appId, states), page);
    }

    /** The dossier's transitions, oldest first. */
    @Transactional(TxType.SUPPORTS)
    public Page<M3DossierTransition> history(UUID id, PageRequest page) {
        access.readable(id);
        return Page.of(transitions.history(id), page);
    }

    /** SUBMITTED and IN_EVALUATION dossiers, earliest due step first, with their apps' names. */
    @Transactional(TxType.SUPPORTS)
    public Page<QueuedDossier<M3Dossier>> reviewQueue(boolean overdueOnly, PageRequest page) {
        return appCopies.withAppNames(Page.of(dossiers.queue(overdueOnly ? now().today() : null), page));
    }

    // ---- the vendor's changes ----

    /**
     * Waits (bounded) for the local copy to know the app at M2, before {@link #open}: outside any transaction,
     * holding no database connection ({@link AppCopyArrival}).
     */
    @Transactional(TxType.NEVER)
    public void awaitApp(UUID appId) {
        arrival.await(appId, REQUIRED_LEVEL);
    }

    /**
     * Opens a DRAFT for an app of the caller's organization that stands at M2 or higher (409 {@code level-too-low})
     * and has no dossier that is not closed (409 {@code dossier-exists}).
     */
    public M3Dossier open(UUID appId, M3Evidence evidence) {
        String organization = caller.requireOrganization();
        AppCopy app = appAccess.ownedBy(appId, organization);
        // One creation per app at a time, so that the check below cannot race with another request.
        appCopies.getEntityManager().lock(app, LockModeType.PESSIMISTIC_WRITE);
        appAccess.requireLevel(app, REQUIRED_LEVEL);
        dossiers.findOpen(appId).ifPresent(existing -> {
            throw new StateConflictException("dossier-exists", "app " + appId + " already has a reimbursement "
                    + "dossier that is not closed (" + existing.id() + "); withdraw it or wait for its end",
                    existing.state().name());
        });
        M3Dossier dossier = M3Dossier.open(appId, organization, evidence, caller.actor(), now());
        dossiers.persist(dossier);
        return record(dossier, dossier.creation());
    }

    /** Replaces the evidence while DRAFT or CLARIFICATION_REQUESTED; {@code If-Match} required; the app stays. */
    public M3Dossier revise(UUID id, String ifMatch, UUID appId, M3Evidence evidence) {
        M3Dossier dossier = access.forVendorChange(id);
        EntityTags.requireMatch(ifMatch, dossier.version());
        dossier.revise(appId, evidence, now());
        dossiers.flush();
        return dossier;
    }

    /** Submits a draft (its app must still stand at M2), or answers a clarification request. */
    public M3Dossier submit(UUID id, String ifMatch) {
        M3Dossier dossier = access.forVendorChange(id);
        EntityTags.matchIfGiven(ifMatch, dossier.version());
        if (dossier.state() == M3DossierState.DRAFT) {
            requireAppAtM2(dossier);
        }
        return record(dossier, dossier.submit(caller.actor(), now()));
    }

    public M3Dossier withdraw(UUID id, String ifMatch, String reason) {
        M3Dossier dossier = access.forVendorChange(id);
        EntityTags.matchIfGiven(ifMatch, dossier.version());
        return record(dossier, dossier.withdraw(reason, caller.actor(), now()));
    }

    // ---- NIHDI's changes ----

    /** One NIHDI step on a dossier ({@code POST …/decision}); which one is the record's type. */
    public sealed interface Decision {
        String reason();

        record Admissible(String reason) implements Decision {
        }

        record Inadmissible(String reason) implements Decision {
        }

        record Extension(String reason) implements Decision {
        }

        record ClarificationRequest(String reason) implements Decision {
        }

        record TemporaryApproval(Grant grant, String reason) implements Decision {
        }

        record DefinitiveApproval(Grant grant, String reason) implements Decision {
        }

        record Decline(String reason) implements Decision {
        }
    }

    /**
     * NIHDI's step. An approval needs the app to still stand at M2 or higher (409 {@code level-too-low}) and
     * publishes {@code m3.granted}; a decline publishes {@code m3.declined}.
     */
    public M3Dossier decide(UUID id, String ifMatch, Decision decision) {
        M3Dossier dossier = access.forAssessorChange(id);
        EntityTags.matchIfGiven(ifMatch, dossier.version());
        Actor by = caller.actor();
        Now now = now();
        String reason = decision.reason();
        switch (decision) {
            case Decision.Admissible a -> record(dossier, dossier.declareAdmissible(reason, by, now));
            case Decision.Inadmissible i -> record(dossier, dossier.declareInadmissible(reason, by, now));
            case Decision.Extension e -> record(dossier, dossier.extendEvaluation(reason, by, now));
            case Decision.ClarificationRequest c -> record(dossier, dossier.requestClarification(reason, by, now));
            case Decision.TemporaryApproval t -> {
                M3DossierTransition approval = dossier.approveTemporary(t.grant(), reason, by, now);
                requireAppAtM2(dossier);
                record(dossier, approval);
                publishGrant(dossier, ReimbursementKind.TEMPORARY, approval);
            }
            case Decision.DefinitiveApproval d -> {
                M3DossierTransition approval = dossier.approveDefinitive(d.grant(), reason, by, now);
                requireAppAtM2(dossier);
                record(dossier, approval);
                publishGrant(dossier, ReimbursementKind.DEFINITIVE, approval);
            }
            case Decision.Decline d -> {
                M3DossierTransition decline = dossier.decline(reason, by, now);
                record(dossier, decline);
                outbox.publish(new M3Events.M3Declined(dossier.appId(), dossier.id(), decline.reason(), by.name(),
                        decline.at()));
            }
        }
        return dossier;
    }

    /** APPROVED_TEMPORARY or APPROVED_DEFINITIVE → ENDED today; publishes {@code m3.ended}. */
    public M3Dossier revoke(UUID id, String ifMatch, String reason) {
        M3Dossier dossier = access.forAssessorChange(id);
        EntityTags.matchIfGiven(ifMatch, dossier.version());
        M3DossierTransition revocation = dossier.revoke(reason, caller.actor(), now());
        record(dossier, revocation);
        outbox.publish(new M3Events.M3Ended(dossier.appId(), dossier.id(), dossier.endedOn(), revocation.reason(),
                revocation.actor(), revocation.at()));
        return dossier;
    }

    // ---- the registry's ----

    /**
     * The vendor took the app off the market: its open dossier or its reimbursement closes (by this service). No
     * {@code m3.ended}: the registry already ended the grant with the withdrawal.
     */
    @Transactional(TxType.MANDATORY)
    public void onWithdrawnFromMarket(RegistryEvents.AppWithdrawnFromMarket withdrawn) {
        Now now = now();
        for (M3Dossier dossier : dossiers.openOrGrantedForUpdate(withdrawn.appId())) {
            record(dossier, dossier.close(system, now));
        }
    }

    // ---- the clock job's ----

    /** Dossiers whose clarification request lapsed as of {@code today}. */
    @Transactional(TxType.SUPPORTS)
    public List<UUID> lapsedClarifications(Now now) {
        return dossiers.lapsedClarificationIds(now.today());
    }

    /** Temporary reimbursements past their end date as of {@code today}. */
    @Transactional(TxType.SUPPORTS)
    public List<UUID> endedTemporaryReimbursements(Now now) {
        return dossiers.endedTemporaryIds(now.today());
    }

    /** Lapses one clarification request if, under the dossier's row lock, it is still open and overdue. */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean lapseIfDue(UUID id, Now now) {
        M3Dossier dossier = dossiers.findForUpdate(id).orElse(null);
        if (dossier == null || !dossier.clarificationLapsed(now.today())) {
            return false;
        }
        record(dossier, dossier.lapseClarification(system, now));
        return true;
    }

    /** Ends one temporary reimbursement if, under its row lock, it is still temporary and past its end date. */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean expireIfOver(UUID id, Now now) {
        M3Dossier dossier = dossiers.findForUpdate(id).orElse(null);
        if (dossier == null || !dossier.temporaryReimbursementOver(now.today())) {
            return false;
        }
        M3DossierTransition expiry = dossier.expire(system, now);
        record(dossier, expiry);
        outbox.publish(new M3Events.M3Ended(dossier.appId(), dossier.id(), dossier.endedOn(), expiry.reason(),
                system.name(), expiry.at()));
        return true;
    }

    /** 409 {@code level-too-low} unless the local copy of the app still stands at M2 or higher. */
    private void requireAppAtM2(M3Dossier dossier) {
        AppCopy app = appCopies.findById(dossier.appId());
        if (app == null) {
            throw new StateConflictException("level-too-low", "app " + dossier.appId()
                    + " is unknown here; this requires effective level M2 or higher", "NONE");
        }
        appAccess.requireLevel(app, REQUIRED_LEVEL);
    }

    private void publishGrant(M3Dossier d, ReimbursementKind kind, M3DossierTransition approval) {
        Grant grant = d.grant();
        outbox.publish(new M3Events.M3Granted(d.appId(), d.id(), kind, grant.nomenclatureCode(), grant.amount(),
                grant.unit().name(), grant.startDate(), grant.endDate(), approval.actor(), approval.at()));
    }

    /** Records the transition and its event, and writes now so that the response carries the new version. */
    private M3Dossier record(M3Dossier dossier, M3DossierTransition transition) {
        history.record(dossier, transition);
        dossiers.flush();
        return dossier;
    }
}
