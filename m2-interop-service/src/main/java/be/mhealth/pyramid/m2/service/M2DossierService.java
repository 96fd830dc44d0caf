package be.mhealth.pyramid.m2.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.M2Events;
import be.mhealth.pyramid.events.RegistryEvents.AppVersionDeclared;
import be.mhealth.pyramid.events.RegistryEvents.AppWithdrawnFromMarket;
import be.mhealth.pyramid.events.RegistryEvents.SignificantChange;
import be.mhealth.pyramid.m2.config.M2Settings;
import be.mhealth.pyramid.m2.domain.M2Dossier;
import be.mhealth.pyramid.m2.domain.M2DossierState;
import be.mhealth.pyramid.m2.domain.M2DossierTransition;
import be.mhealth.pyramid.m2.domain.RiskAssessment;
import be.mhealth.pyramid.m2.domain.TestResult;
import be.mhealth.pyramid.m2.repository.M2DossierRepository;
import be.mhealth.pyramid.m2.repository.M2DossierTransitionRepository;
import be.mhealth.pyramid.m2.repository.TestResultRepository;
import be.mhealth.pyramid.support.PyramidConfig;
import be.mhealth.pyramid.support.dossier.DossierHistory;
import be.mhealth.pyramid.support.dossier.QueuedDossier;
import be.mhealth.pyramid.support.outbox.Outbox;
import be.mhealth.pyramid.support.paging.Page;
import be.mhealth.pyramid.support.paging.PageRequest;
import be.mhealth.pyramid.support.problem.ResourceNotFoundException;
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
 * Every operation on M2 dossiers. Each change runs in one transaction: it loads the dossier locked
 * ({@code select … for update}, {@link M2DossierAccess}), checks {@code If-Match} against its {@code @Version},
 * lets the aggregate make the move, records the transition and its {@code m2.dossier-state-changed} event
 * ({@link DossierHistory}) and, for a decision, the decision's event — all committed together. Reads run without a
 * transaction of their own ({@code SUPPORTS}).
 */
@ApplicationScoped
@Transactional
public class M2DossierService {

    /** The effective level an app must stand at for a dossier of this level: M1 or higher. */
    static final Level REQUIRED_LEVEL = Level.M1;

    private final M2DossierRepository dossiers;
    private final M2DossierTransitionRepository transitions;
    private final TestResultRepository results;
    private final AppAccess appAccess;
    private final AppCopyRepository appCopies;
    private final M2DossierAccess access;
    private final AppCopyArrival arrival;
    private final DossierHistory history;
    private final Outbox outbox;
    private final Caller caller;
    private final Clock clock;
    private final Actor system;
    private final M2Settings settings;

    M2DossierService(M2DossierRepository dossiers, M2DossierTransitionRepository transitions,
            TestResultRepository results, AppAccess appAccess, AppCopyRepository appCopies, M2DossierAccess access,
            AppCopyArrival arrival, DossierHistory history, Outbox outbox, Caller caller, Clock clock,
            PyramidConfig config, M2Settings settings) {
        this.dossiers = dossiers;
        this.transitions = transitions;
        this.results = results;
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
    public M2Dossier get(UUID id) {
        return access.readable(id);
    }

    /** The caller's view: a vendor's own organization's dossiers, or the reviewers' submitted ones; newest first. */
    @Transactional(TxType.SUPPORTS)
    public Page<M2Dossier> list(UUID appId, Set<M2DossierState> states, PageRequest page) {
        M2DossierAccess.Scope scope = access.scope();
        return Page.of(dossiers.search(scope.organization(), scope.submittedOnly(), appId, states), page);
    }

    /** The dossier's transitions, oldest first. */
    @Transactional(TxType.SUPPORTS)
    public Page<M2DossierTransition> history(UUID id, PageRequest page) {
        access.readable(id);
        return Page.of(transitions.history(id), page);
    }

    /** Every test result of the dossier, by criterion, oldest first; the current ones marked. */
    @Transactional(TxType.SUPPORTS)
    public Page<TestResult> testResults(UUID id, PageRequest page) {
        access.readable(id);
        return Page.of(results.allFor(id), page);
    }

    /**
     * SUBMITTED and IN_REVIEW dossiers and grants awaiting re-assessment, longest waiting first, with their apps'
     * names.
     */
    @Transactional(TxType.SUPPORTS)
    public Page<QueuedDossier<M2Dossier>> reviewQueue(PageRequest page) {
        return appCopies.withAppNames(Page.of(dossiers.queue(), page));
    }

    // ---- the vendor's changes ----

    /**
     * Waits (bounded) for the local copy to know the app at M1, before {@link #open}: outside any transaction,
     * holding no database connection ({@link AppCopyArrival}).
     */
    @Transactional(TxType.NEVER)
    public void awaitApp(UUID appId) {
        arrival.await(appId, REQUIRED_LEVEL);
    }

    /**
     * Opens a DRAFT for an app of the caller's organization standing at M1 or higher (404 / 409 {@code level-too-low}
     * otherwise) that has no open dossier and no active grant.
     */
    public M2Dossier open(UUID appId, RiskAssessment answers) {
        String organization = caller.requireOrganization();
        AppCopy app = appAccess.ownedBy(appId, organization);
        appAccess.requireLevel(app, REQUIRED_LEVEL);
        // One creation per app at a time, so that the check below cannot race with another request.
        appCopies.getEntityManager().lock(app, LockModeType.PESSIMISTIC_WRITE);
        dossiers.findBlocking(appId).ifPresent(existing -> {
            throw new StateConflictException("dossier-exists", "app " + appId + " already has "
                    + (existing.state() == M2DossierState.APPROVED ? "an active M2 grant" : "an open M2 dossier")
                    + " (" + existing.id() + ")", existing.state().name());
        });
        M2Dossier dossier = M2Dossier.open(appId, organization, answers, caller.actor(), now());
        dossiers.persist(dossier);
        return record(dossier, dossier.creation());
    }

    /** New answers (and so new required criteria) while DRAFT or INFO_REQUESTED; {@code If-Match} required. */
    public M2Dossier revise(UUID id, String ifMatch, UUID appId, RiskAssessment answers) {
        M2Dossier dossier = access.forVendorChange(id);
        EntityTags.requireMatch(ifMatch, dossier.version());
        dossier.revise(appId, answers, now());
        dossiers.flush();
        return dossier;
    }

    /** DRAFT → SUBMITTED, or INFO_REQUESTED → IN_REVIEW; the app must still stand at M1 or higher. */
    public M2Dossier submit(UUID id, String ifMatch) {
        M2Dossier dossier = access.forVendorChange(id);
        EntityTags.matchIfGiven(ifMatch, dossier.version());
        M2DossierTransition transition = dossier.submit(caller.actor(), now());
        requireAppAtM1(dossier);
        return record(dossier, transition);
    }

    public M2Dossier withdraw(UUID id, String ifMatch, String reason) {
        M2Dossier dossier = access.forVendorChange(id);
        EntityTags.matchIfGiven(ifMatch, dossier.version());
        return record(dossier, dossier.withdraw(reason, caller.actor(), now()));
    }

    // ---- the reviewers' changes ----

    /** A test centre's result for a required criterion of a SUBMITTED or IN_REVIEW dossier. */
    public TestResult recordTestResult(UUID id, TestResult.Finding finding) {
        M2Dossier dossier = access.forReviewerChange(id);
        TestResult current = results.current(id, finding.criterion()).orElse(null);
        TestResult result = dossier.recordTestResult(finding, current, caller.actor(), now());
        // the earlier result stops being current before the new one is (one current result per criterion)
        results.flush();
        results.persist(result);
        results.flush();
        return result;
    }

    /** SUBMITTED → IN_REVIEW: an assessor takes the dossier from the queue. */
    public M2Dossier startReview(UUID id, String ifMatch) {
        M2Dossier dossier = access.forReviewerChange(id);
        EntityTags.matchIfGiven(ifMatch, dossier.version());
        return record(dossier, dossier.startReview(caller.actor(), now()));
    }

    /** What the eHealth platform decides on a dossier in review. */
    public enum Decision {
        APPROVE, REJECT, REQUEST_INFO
    }

    /**
     * The eHealth platform's decision; a SUBMITTED dossier is taken into review first (both steps recorded). An
     * approval needs a current PASS for every required criterion and the app still at M1 or higher, and publishes
     * {@code m2.granted}; a rejection publishes {@code m2.rejected}.
     */
    public M2Dossier decide(UUID id, String ifMatch, Decision decision, String reason) {
        M2Dossier dossier = access.forReviewerChange(id);
        EntityTags.matchIfGiven(ifMatch, dossier.version());
        Actor by = caller.actor();
        Instant now = now();
        if (dossier.state() == M2DossierState.SUBMITTED) {
            history.record(dossier, dossier.startReview(by, now));
        }
        switch (decision) {
            case APPROVE -> {
                M2DossierTransition approval = dossier.approve(reason, results.currentOutcomes(id), by, now);
                requireAppAtM1(dossier);
                record(dossier, approval);
                outbox.publish(new M2Events.M2Granted(dossier.appId(), dossier.id(),
                        dossier.criteria().stream().map(Enum::name).toList(), by.name(), now));
            }
            case REJECT -> {
                record(dossier, dossier.reject(reason, by, now));
                outbox.publish(new M2Events.M2Rejected(dossier.appId(), dossier.id(), reason, by.name(), now));
            }
            // an information request stays within M2: only its state change is published
            case REQUEST_INFO -> record(dossier, dossier.requestInfo(reason, by, now));
        }
        return dossier;
    }

    /** APPROVED → REVOKED; publishes {@code m2.revoked}. */
    public M2Dossier revoke(UUID id, String ifMatch, String reason) {
        M2Dossier dossier = access.forReviewerChange(id);
        EntityTags.matchIfGiven(ifMatch, dossier.version());
        Actor by = caller.actor();
        Instant now = now();
        record(dossier, dossier.revoke(reason, by, now));
        outbox.publish(new M2Events.M2Revoked(dossier.appId(), dossier.id(), reason, by.name(), now));
        return dossier;
    }

    /** The eHealth platform confirms a grant after its re-assessment (APPROVED stays APPROVED, history CONFIRM). */
    public M2Dossier confirm(UUID id, String ifMatch, String reason) {
        M2Dossier dossier = access.forReviewerChange(id);
        EntityTags.matchIfGiven(ifMatch, dossier.version());
        return record(dossier, dossier.confirm(reason, caller.actor(), now()));
    }

    // ---- the registry's events (in the inbox's transaction) ----

    /**
     * A version with a significant change for M2: the app's grant awaits the eHealth platform's re-assessment, due
     * within {@code pyramid.m2.reassessment.due-within-days}. Nothing falls automatically; without a grant, nothing
     * happens (an open dossier is assessed on its own answers).
     */
    @Transactional(TxType.MANDATORY)
    public void onVersionDeclared(AppVersionDeclared declared) {
        if (declared.concerns() == null || !declared.concerns().contains(Level.M2)
                || declared.significantChanges() == null) {
            return;
        }
        String changes = declared.significantChanges().stream().filter(c -> c.concerns() == Level.M2).distinct()
                .map(SignificantChange::name).collect(Collectors.joining(","));
        if (changes.isEmpty()) {
            return;
        }
        dossiers.findGrantForUpdate(declared.appId()).ifPresent(grant -> {
            LocalDate due = PlatformCalendar.today(clock).plusDays(settings.reassessment().dueWithinDays());
            record(grant, grant.requestReassessment(declared.version(), changes, due, system, now()));
        });
    }

    /**
     * The vendor took the app off the market: its open dossier and its grant close. No decision event: the registry
     * already ended the grant.
     */
    @Transactional(TxType.MANDATORY)
    public void onWithdrawnFromMarket(AppWithdrawnFromMarket withdrawn) {
        Instant now = now();
        for (M2Dossier dossier : dossiers.openOrGrantedForUpdate(withdrawn.appId())) {
            record(dossier, dossier.close(system, now));
        }
    }

    /** 409 {@code level-too-low} unless the local copy of the app still stands at M1 or higher. */
    private void requireAppAtM1(M2Dossier dossier) {
        AppCopy app = appCopies.findById(dossier.appId());
        if (app == null) {
            throw new ResourceNotFoundException("app", dossier.appId());
        }
        appAccess.requireLevel(app, REQUIRED_LEVEL);
    }

    /** Records the transition and its event, and writes now so that the response carries the new version. */
    private M2Dossier record(M2Dossier dossier, M2DossierTransition transition) {
        history.record(dossier, transition);
        dossiers.flush();
        return dossier;
    }

    /** The clock's time to the microsecond, as PostgreSQL keeps it (so a response and a later read agree). */
    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
