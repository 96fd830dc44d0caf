package be.mhealth.pyramid.m3.service;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import be.mhealth.pyramid.events.AppEvent;
import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.M3Events;
import be.mhealth.pyramid.events.M3Events.ReimbursementKind;
import be.mhealth.pyramid.m3.config.M3Config;
import be.mhealth.pyramid.m3.domain.Decision;
import be.mhealth.pyramid.m3.domain.DossierContent;
import be.mhealth.pyramid.m3.domain.DossierState;
import be.mhealth.pyramid.m3.domain.DossierTransition;
import be.mhealth.pyramid.m3.domain.Now;
import be.mhealth.pyramid.m3.domain.ReimbursementDossier;
import be.mhealth.pyramid.m3.domain.Transition;
import be.mhealth.pyramid.m3.repository.DossierRepository;
import be.mhealth.pyramid.m3.repository.TransitionRepository;
import be.mhealth.pyramid.support.outbox.Outbox;
import be.mhealth.pyramid.support.problem.ResourceNotFoundException;
import be.mhealth.pyramid.support.problem.StateConflictException;
import be.mhealth.pyramid.support.projection.AppAccess;
import be.mhealth.pyramid.support.projection.AppCopy;
import be.mhealth.pyramid.support.web.EntityTags;

/**
 * The reimbursement procedure's use cases. Each runs in the caller's transaction: the dossier's change, its
 * history entry and its event (through the outbox) commit together.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DossierService {

    private static final String RESOURCE = "reimbursement dossier";

    private final DossierRepository dossiers;
    private final TransitionRepository transitions;
    private final AppAccess apps;
    private final Outbox outbox;
    private final Clock clock;
    private final M3Config config;

    DossierService(DossierRepository dossiers, TransitionRepository transitions, AppAccess apps, Outbox outbox,
            Clock clock, M3Config config) {
        this.dossiers = dossiers;
        this.transitions = transitions;
        this.apps = apps;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Now now() {
        return Now.of(clock, config.zone());
    }

    /**
     * A new draft for the organization's own app, which must stand at M2 or higher (404 / 409 otherwise) and have
     * no other dossier that is not closed (409 {@code dossier-exists}).
     */
    public ReimbursementDossier create(UUID appId, DossierContent content, String organization, String actor) {
        AppCopy app = apps.ownedBy(appId, organization);
        apps.requireLevel(app, Level.M2);
        dossiers.openFor(appId).ifPresent(open -> {
            throw dossierExists(appId, open.id() + " in state " + open.state(), open.state().name());
        });
        ReimbursementDossier dossier = ReimbursementDossier.draft(appId, organization, content, actor, now());
        dossiers.persist(dossier);
        record(dossier, dossier.creation());
        try {
            dossiers.flush();
        } catch (ConstraintViolationException e) {
            throw dossierExists(appId, "opened by another request at the same moment", DossierState.DRAFT.name());
        }
        return dossier;
    }

    private static StateConflictException dossierExists(UUID appId, String which, String state) {
        return new StateConflictException("dossier-exists", "app " + appId + " already has a reimbursement dossier "
                + "that is not closed: " + which + "; withdraw it or wait for its end", state);
    }

    public ReimbursementDossier update(UUID id, String organization, String ifMatch, DossierContent content,
            String actor) {
        ReimbursementDossier dossier = ofOrganization(id, organization);
        EntityTags.requireMatch(ifMatch, dossier.version());
        return apply(dossier, dossier.update(content, actor, now()));
    }

    /** A draft is submitted only while its app still stands at M2 or higher (409 otherwise). */
    public ReimbursementDossier submit(UUID id, String organization, String ifMatch, String actor) {
        ReimbursementDossier dossier = ofOrganization(id, organization);
        matchIfGiven(ifMatch, dossier);
        if (dossier.state() == DossierState.DRAFT) {
            apps.requireLevel(apps.ownedBy(dossier.appId(), organization), Level.M2);
        }
        return apply(dossier, dossier.submit(actor, now()));
    }

    public ReimbursementDossier withdraw(UUID id, String organization, String ifMatch, String reason,
            String actor) {
        ReimbursementDossier dossier = ofOrganization(id, organization);
        matchIfGiven(ifMatch, dossier);
        return apply(dossier, dossier.withdraw(reason, actor, now()));
    }

    public ReimbursementDossier decide(UUID id, String ifMatch, Decision decision, String actor) {
        ReimbursementDossier dossier = submitted(id);
        matchIfGiven(ifMatch, dossier);
        return apply(dossier, dossier.decide(decision, actor, now()));
    }

    /** A vendor's dossier: 404 for another organization's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ReimbursementDossier ofOrganization(UUID id, String organization) {
        ReimbursementDossier dossier = dossiers.findById(id);
        if (dossier == null || !dossier.organizationId().equals(organization)) {
            throw new ResourceNotFoundException(RESOURCE, id);
        }
        return dossier;
    }

    /** A dossier as NIHDI sees it: drafts that were never submitted stay the vendor's (404). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ReimbursementDossier submitted(UUID id) {
        ReimbursementDossier dossier = dossiers.findById(id);
        if (dossier == null || dossier.submittedAt() == null) {
            throw new ResourceNotFoundException(RESOURCE, id);
        }
        return dossier;
    }

    /** An organization's dossiers, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ReimbursementDossier> listOfOrganization(String organization, DossierState state, UUID appId,
            int page, int size) {
        return Page.of(dossiers.ofOrganization(organization, state, appId), page, size);
    }

    /** Every submitted dossier, newest first (NIHDI's view). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ReimbursementDossier> listSubmitted(DossierState state, UUID appId, int page, int size) {
        return Page.of(dossiers.submitted(state, appId), page, size);
    }

    /** Dossiers awaiting NIHDI's next step, earliest due date first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ReimbursementDossier> reviewQueue(boolean overdueOnly, int page, int size) {
        return Page.of(dossiers.queue(now().today(), overdueOnly), page, size);
    }

    /** The dossier's history, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Transition> history(ReimbursementDossier dossier, int page, int size) {
        Page<DossierTransition> rows = Page.of(transitions.ofDossier(dossier.id()), page, size);
        return new Page<>(rows.items().stream().map(DossierTransition::transition).toList(), rows.total());
    }

    /** Applies a clock-job step to one dossier, if it is due. */
    boolean applyIfDue(UUID id, Function<ReimbursementDossier, Optional<Transition>> step) {
        ReimbursementDossier dossier = dossiers.findById(id);
        return dossier != null && step.apply(dossier).map(t -> apply(dossier, t)).isPresent();
    }

    private ReimbursementDossier apply(ReimbursementDossier dossier, Transition transition) {
        record(dossier, transition);
        if (transition.from() != transition.to()) {
            publish(dossier, transition);
        }
        flush(dossier);
        return dossier;
    }

    /** Writes now, so the response carries the new version; a concurrent change of the same dossier is a 409. */
    private void flush(ReimbursementDossier dossier) {
        try {
            dossiers.flush();
        } catch (OptimisticLockException e) {
            throw new StateConflictException("concurrent-update", "dossier " + dossier.id()
                    + " was changed by another request at the same moment; read it again and retry",
                    dossier.state().name());
        }
    }

    private void record(ReimbursementDossier dossier, Transition transition) {
        transitions.persist(DossierTransition.of(dossier.id(), transition));
    }

    private void publish(ReimbursementDossier d, Transition t) {
        AppEvent event = switch (t.to()) {
            case APPROVED_TEMPORARY, APPROVED_DEFINITIVE -> new M3Events.M3Granted(d.appId(), d.id(),
                    t.to() == DossierState.APPROVED_TEMPORARY ? ReimbursementKind.TEMPORARY
                            : ReimbursementKind.DEFINITIVE,
                    d.nomenclatureCode(), d.grantedAmount(), d.grantedUnit().name(), d.reimbursementStart(),
                    d.reimbursementEnd(), t.actor(), t.at());
            case DECLINED -> new M3Events.M3Declined(d.appId(), d.id(), t.reason(), t.actor(), t.at());
            case ENDED -> new M3Events.M3Ended(d.appId(), d.id(), d.endedOn(), t.reason(), t.actor(), t.at());
            default -> null;
        };
        if (event != null) {
            outbox.publish(event);
        }
    }

    private static void matchIfGiven(String ifMatch, ReimbursementDossier dossier) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            EntityTags.requireMatch(ifMatch, dossier.version());
        }
    }
}
