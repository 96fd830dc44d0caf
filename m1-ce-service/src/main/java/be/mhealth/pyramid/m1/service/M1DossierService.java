package be.mhealth.pyramid.m1.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.M1Events;
import be.mhealth.pyramid.m1.domain.Certificate;
import be.mhealth.pyramid.m1.domain.GdprDeclaration;
import be.mhealth.pyramid.events.RegistryEvents;
import be.mhealth.pyramid.m1.config.M1Settings;
import be.mhealth.pyramid.m1.domain.M1Dossier;
import be.mhealth.pyramid.m1.domain.M1DossierState;
import be.mhealth.pyramid.m1.domain.M1DossierTransition;
import be.mhealth.pyramid.m1.domain.M1Evidence;
import be.mhealth.pyramid.m1.domain.M1Rules;
import be.mhealth.pyramid.m1.repository.AttachmentRepository;
import be.mhealth.pyramid.m1.repository.M1DossierRepository;
import be.mhealth.pyramid.m1.repository.M1DossierTransitionRepository;
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
import be.mhealth.pyramid.support.time.PlatformCalendar;
import be.mhealth.pyramid.support.web.EntityTags;

/**
 * Every operation on M1 dossiers. Each change runs in one transaction: it loads the dossier locked
 * ({@code select … for update}, {@link M1DossierAccess}), checks {@code If-Match} against its {@code @Version},
 * lets the aggregate make the move, records the transition and its {@code m1.dossier-state-changed} event
 * ({@link DossierHistory}) and, for a decision, the decision's event — all committed together. Reads run without a
 * transaction of their own ({@code SUPPORTS}).
 */
@ApplicationScoped
@Transactional
public class M1DossierService {

    /** The effective level an app must stand at for a dossier of this level: any level (or none). */
    static final Level REQUIRED_LEVEL = null;

    private final M1DossierRepository dossiers;
    private final M1DossierTransitionRepository transitions;
    private final AttachmentRepository attachments;
    private final AppAccess appAccess;
    private final AppCopyRepository appCopies;
    private final M1DossierAccess access;
    private final AppCopyArrival arrival;
    private final DossierHistory history;
    private final Outbox outbox;
    private final Caller caller;
    private final Clock clock;
    private final Actor system;
    private final M1Settings settings;

    M1DossierService(M1DossierRepository dossiers, M1DossierTransitionRepository transitions,
            AttachmentRepository attachments, AppAccess appAccess, AppCopyRepository appCopies,
            M1DossierAccess access, AppCopyArrival arrival, DossierHistory history, Outbox outbox, Caller caller,
            Clock clock, PyramidConfig config, M1Settings settings) {
        this.dossiers = dossiers;
        this.transitions = transitions;
        this.attachments = attachments;
        this.appAccess = appAccess;
        this.appCopies = appCopies;
        this.access = access;
        this.arrival = arrival;
        this.history = history;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
        this.system = Actor.system(config.serviceName());
        this.settings = settings;
    }

    // ---- reads ----

    @Transactional(TxType.SUPPORTS)
    public M1Dossier get(UUID id) {
        return access.readable(id);
    }

    /** The caller's view: a vendor's own organization's dossiers, or FAMHP's submitted ones; newest first. */
    @Transactional(TxType.SUPPORTS)
    public Page<M1Dossier> list(UUID appId, Set<M1DossierState> states, PageRequest page) {
        M1DossierAccess.Scope scope = access.scope();
        return Page.of(dossiers.search(scope.organization(), scope.submittedOnly(), appId, states), page);
    }

    /** The dossier's transitions, oldest first. */
    @Transactional(TxType.SUPPORTS)
    public Page<M1DossierTransition> history(UUID id, PageRequest page) {
        access.readable(id);
        return Page.of(transitions.history(id), page);
    }

    /** SUBMITTED and IN_REVIEW dossiers, longest waiting first, with their apps' names. */
    @Transactional(TxType.SUPPORTS)
    public Page<QueuedDossier<M1Dossier>> reviewQueue(PageRequest page) {
        return appCopies.withAppNames(Page.of(dossiers.queue(), page));
    }

    // ---- the vendor's changes ----

    /**
     * Waits (bounded) for the local copy to know the app, before {@link #open}: outside any transaction, holding no
     * database connection ({@link AppCopyArrival}).
     */
    @Transactional(TxType.NEVER)
    public void awaitApp(UUID appId) {
        arrival.await(appId, REQUIRED_LEVEL);
    }

    /**
     * Opens a DRAFT for an app of the caller's organization that has no open dossier. While the app holds an active
     * grant, the new dossier is that grant's renewal ({@code renewalOf}).
     */
    public M1Dossier open(UUID appId, M1Evidence evidence) {
        String organization = caller.requireOrganization();
        AppCopy app = appAccess.ownedBy(appId, organization);
        // One creation per app at a time, so that the check below cannot race with another request.
        appCopies.getEntityManager().lock(app, LockModeType.PESSIMISTIC_WRITE);
        dossiers.findOpen(appId).ifPresent(existing -> {
            throw new StateConflictException("dossier-exists", "app " + appId + " already has an open M1 dossier ("
                    + existing.id() + ")", existing.state().name());
        });
        M1Dossier grant = dossiers.findGrant(appId).orElse(null);
        M1Dossier dossier = M1Dossier.open(appId, organization, evidence, grant, caller.actor(), now());
        dossiers.persist(dossier);
        return record(dossier, dossier.creation());
    }

    /** Replaces the evidence while DRAFT or INFO_REQUESTED; {@code If-Match} required; the app cannot change. */
    public M1Dossier revise(UUID id, String ifMatch, UUID appId, M1Evidence evidence) {
        M1Dossier dossier = access.forVendorChange(id);
        EntityTags.requireMatch(ifMatch, dossier.version());
        dossier.revise(appId, evidence, now());
        dossiers.flush();
        return dossier;
    }

    public M1Dossier submit(UUID id, String ifMatch) {
        M1Dossier dossier = access.forVendorChange(id);
        EntityTags.matchIfGiven(ifMatch, dossier.version());
        return record(dossier, dossier.submit(attachments.kindsOf(id), caller.actor(), now()));
    }

    public M1Dossier withdraw(UUID id, String ifMatch, String reason) {
        M1Dossier dossier = access.forVendorChange(id);
        EntityTags.matchIfGiven(ifMatch, dossier.version());
        return record(dossier, dossier.withdraw(reason, caller.actor(), now()));
    }

    // ---- FAMHP's changes ----

    /** What FAMHP decides on a dossier in review. */
    public enum Decision {
        APPROVE, REJECT, REQUEST_INFO
    }

    /**
     * FAMHP's decision; a SUBMITTED dossier is taken into review first (both steps recorded). An approval
     * publishes {@code m1.granted}, a rejection {@code m1.rejected}.
     */
    public M1Dossier decide(UUID id, String ifMatch, Decision decision, String reason) {
        M1Dossier dossier = access.forAssessorChange(id);
        EntityTags.matchIfGiven(ifMatch, dossier.version());
        Actor by = caller.actor();
        Instant now = now();
        if (dossier.state() == M1DossierState.SUBMITTED) {
            history.record(dossier, dossier.startReview(by, now));
        }
        switch (decision) {
            case APPROVE -> {
                // A renewal replaces the grant it renews in the same transaction, the old one first (an app holds at
                // most one grant); if that grant ended meanwhile (expired), the approval restores the level.
                if (dossier.renewalOf() != null) {
                    dossiers.findForUpdate(dossier.renewalOf())
                            .filter(old -> old.state() == M1DossierState.APPROVED)
                            .ifPresent(old -> record(old, old.renewedBy(dossier.id(), by, now)));
                }
                record(dossier, dossier.approve(reason, by, now));
                outbox.publish(granted(dossier, by.name(), now));
            }
            case REJECT -> {
                record(dossier, dossier.reject(reason, by, now));
                outbox.publish(new M1Events.M1Rejected(dossier.appId(), dossier.id(), reason, by.name(), now));
            }
            // an information request stays within M1: only its state change is published
            case REQUEST_INFO -> record(dossier, dossier.requestInfo(reason, by, now));
        }
        return dossier;
    }

    /** APPROVED → REVOKED; publishes {@code m1.revoked}. */
    public M1Dossier revoke(UUID id, String ifMatch, String reason) {
        M1Dossier dossier = access.forAssessorChange(id);
        EntityTags.matchIfGiven(ifMatch, dossier.version());
        Actor by = caller.actor();
        Instant now = now();
        record(dossier, dossier.revoke(reason, by, now));
        outbox.publish(new M1Events.M1Revoked(dossier.appId(), dossier.id(), reason, by.name(), now));
        return dossier;
    }

    /** FAMHP established an earlier end of the certificate: APPROVED → EXPIRED; publishes {@code m1.expired}. */
    public M1Dossier recordEarlierExpiry(UUID id, String ifMatch, LocalDate expiredOn, String reason) {
        M1Dossier dossier = access.forAssessorChange(id);
        EntityTags.matchIfGiven(ifMatch, dossier.version());
        Actor by = caller.actor();
        Instant now = now();
        record(dossier, dossier.expireEarlier(expiredOn, reason, by, now));
        outbox.publish(new M1Events.M1Expired(dossier.appId(), dossier.id(), expiredOn, reason, by.name(), now));
        return dossier;
    }

    /**
     * FAMHP extends the validity of the certificate behind a grant (APPROVED stays APPROVED, history EXTEND);
     * publishes {@code m1.certificate-extended}.
     */
    public M1Dossier extend(UUID id, String ifMatch, LocalDate until, String legalBasis, String reason) {
        M1Dossier dossier = access.forAssessorChange(id);
        EntityTags.matchIfGiven(ifMatch, dossier.version());
        Actor by = caller.actor();
        Instant now = now();
        record(dossier, dossier.extend(until, legalBasis, reason, by, now));
        outbox.publish(new M1Events.M1CertificateExtended(dossier.appId(), dossier.id(), dossier.extendedFrom(),
                until, legalBasis, reason, by.name(), now));
        return dossier;
    }

    /** Active grants whose certificate expires within {@code days} days (today included), soonest first. */
    @Transactional(TxType.SUPPORTS)
    public Page<QueuedDossier<M1Dossier>> expiringGrants(int days, PageRequest page) {
        LocalDate by = PlatformCalendar.today(clock).plusDays(days);
        return appCopies.withAppNames(Page.of(dossiers.grantsExpiringBy(by), page));
    }

    /** FAMHP confirms a grant after its re-assessment (APPROVED stays APPROVED, history CONFIRM). */
    public M1Dossier confirm(UUID id, String ifMatch, String reason) {
        M1Dossier dossier = access.forAssessorChange(id);
        EntityTags.matchIfGiven(ifMatch, dossier.version());
        return record(dossier, dossier.confirm(reason, caller.actor(), now()));
    }

    // ---- the registry's events (in the inbox's transaction) ----

    /**
     * A version with a significant change for M1: the app's grant awaits FAMHP's re-assessment, due within
     * {@code pyramid.m1.reassessment.due-within-days}. Nothing falls automatically.
     */
    @Transactional(TxType.MANDATORY)
    public void onVersionDeclared(RegistryEvents.AppVersionDeclared declared) {
        if (declared.concerns() == null || !declared.concerns().contains(Level.M1)) {
            return;
        }
        String changes = declared.significantChanges().stream()
                .filter(c -> RegistryEvents.SignificantChange.concerns(List.of(c)).contains(Level.M1))
                .map(Enum::name).collect(java.util.stream.Collectors.joining(","));
        dossiers.findGrant(declared.appId()).flatMap(g -> dossiers.findForUpdate(g.id())).ifPresent(grant -> {
            Instant now = now();
            LocalDate due = PlatformCalendar.today(clock).plusDays(settings.reassessment().dueWithinDays());
            record(grant, grant.requestReassessment(declared.version(), changes, due, system, now));
        });
    }

    /** The vendor took the app off the market: its open dossier and its grant close. */
    @Transactional(TxType.MANDATORY)
    public void onWithdrawnFromMarket(RegistryEvents.AppWithdrawnFromMarket withdrawn) {
        Instant now = now();
        for (M1Dossier dossier : dossiers.openOrGrantedForUpdate(withdrawn.appId())) {
            record(dossier, dossier.close(system, now));
        }
    }

    // ---- the expiry job's ----

    /** Grants that may owe an expiry warning today. */
    @Transactional(TxType.SUPPORTS)
    public List<UUID> warningCandidates(LocalDate today) {
        return dossiers.warningCandidateIds(today);
    }

    /**
     * Publishes the expiry warning due for one grant, if any, under its row lock (so each is published once even
     * when runs overlap); not a transition.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean warnIfExpiring(UUID id) {
        M1Dossier dossier = dossiers.findForUpdate(id).orElse(null);
        if (dossier == null) {
            return false;
        }
        Instant now = now();
        return dossier.dueExpiryWarning(now).map(warning -> {
            dossier.expiryWarned(warning, now);
            outbox.publish(new M1Events.M1CertificateExpiring(dossier.appId(), dossier.id(),
                    dossier.organizationId(), dossier.certificate().expiresOn(), warning, now));
            return true;
        }).orElse(false);
    }

    /** Grants whose certificate's expiry date lies before {@code today}. */
    @Transactional(TxType.SUPPORTS)
    public List<UUID> lapsedGrants(LocalDate today) {
        return dossiers.lapsedGrantIds(today);
    }

    /**
     * Expires one grant if, under its row lock, it is still APPROVED and its certificate has lapsed (so a grant
     * expires once even when runs overlap or a revocation races with it); publishes {@code m1.expired}.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean expireIfLapsed(UUID id) {
        M1Dossier dossier = dossiers.findForUpdate(id).orElse(null);
        Instant now = now();
        if (dossier == null || dossier.state() != M1DossierState.APPROVED
                || !M1Rules.lapsed(dossier.certificate(), PlatformCalendar.today(clock))) {
            return false;
        }
        M1DossierTransition expiry = dossier.expireLapsed(system, now);
        record(dossier, expiry);
        outbox.publish(new M1Events.M1Expired(dossier.appId(), dossier.id(), dossier.certificateExpiredOn(),
                expiry.reason(), system.name(), now));
        return true;
    }

    /** Records the transition and its event, and writes now so that the response carries the new version. */
    private M1Dossier record(M1Dossier dossier, M1DossierTransition transition) {
        history.record(dossier, transition);
        dossiers.flush();
        return dossier;
    }

    /** The clock's time to the microsecond, as PostgreSQL keeps it (so a response and a later read agree). */
    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    /** The grant with the facts the registry publishes: the certificate and the vendor's GDPR declaration. */
    private static M1Events.M1Granted granted(M1Dossier dossier, String by, Instant now) {
        Certificate c = dossier.certificate();
        GdprDeclaration g = dossier.evidence().gdpr();
        return new M1Events.M1Granted(dossier.appId(), dossier.id(), c.regulation().name(), c.deviceClass().name(),
                c.number(), c.expiresOn(), by, now, c.notifiedBody(), g.legalBasis().name(), g.dataArea().name(),
                g.dataCountry(), g.transferMechanism() == null ? null : g.transferMechanism().name(), g.dpoContact(),
                g.privacyPolicyUrl(), dossier.renewalOf());
    }
}
