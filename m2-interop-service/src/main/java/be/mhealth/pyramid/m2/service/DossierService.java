package be.mhealth.pyramid.m2.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.m2.domain.DossierEvent;
import be.mhealth.pyramid.m2.domain.DossierState;
import be.mhealth.pyramid.m2.domain.M2Dossier;
import be.mhealth.pyramid.m2.domain.RiskAssessment;
import be.mhealth.pyramid.m2.repository.DossierEventRepository;
import be.mhealth.pyramid.m2.repository.DossierRepository;
import be.mhealth.pyramid.support.problem.ResourceNotFoundException;
import be.mhealth.pyramid.support.problem.StateConflictException;
import be.mhealth.pyramid.support.projection.AppAccess;
import be.mhealth.pyramid.support.projection.AppCopy;
import be.mhealth.pyramid.support.projection.AppCopyRepository;
import be.mhealth.pyramid.support.security.Caller;
import be.mhealth.pyramid.support.web.EntityTags;
import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** The vendor's side of an M2 dossier: open, edit, submit, withdraw; and reading for everyone allowed. */
@ApplicationScoped
public class DossierService {

    private final DossierRepository dossiers;
    private final DossierEventRepository events;
    private final DossierAccess access;
    private final AppAccess apps;
    private final AppCopyRepository appCopies;
    private final History history;
    private final Caller caller;
    private final Clock clock;

    DossierService(DossierRepository dossiers, DossierEventRepository events, DossierAccess access, AppAccess apps,
            AppCopyRepository appCopies, History history, Caller caller, Clock clock) {
        this.dossiers = dossiers;
        this.events = events;
        this.access = access;
        this.apps = apps;
        this.appCopies = appCopies;
        this.history = history;
        this.caller = caller;
        this.clock = clock;
    }

    /** A new DRAFT for an own app standing at M1 or higher (else 404 / 409), one active dossier per app. */
    @Transactional(Transactional.TxType.MANDATORY)
    public M2Dossier create(UUID appId, RiskAssessment answers) {
        String organization = caller.requireOrganization();
        AppCopy app = apps.ownedBy(appId, organization);
        apps.requireLevel(app, Level.M1);
        if (dossiers.hasActiveFor(appId)) {
            throw new StateConflictException("dossier-exists",
                    "app " + appId + " already has an M2 dossier that is open or approved", "EXISTS");
        }
        M2Dossier dossier = new M2Dossier();
        dossier.id = UUID.randomUUID();
        dossier.appId = appId;
        dossier.organizationId = organization;
        dossier.state = DossierState.DRAFT;
        dossier.answer(answers);
        dossier.createdBy = caller.name();
        dossier.createdAt = OffsetDateTime.now(clock);
        dossier.updatedAt = dossier.createdAt;
        dossiers.persist(dossier);
        history.created(dossier);
        dossiers.flush();
        return dossier;
    }

    public M2Dossier get(UUID id) {
        return access.visible(id);
    }

    public PanacheQuery<M2Dossier> list(DossierState state, UUID appId, int page, int size) {
        return dossiers.page(access.vendorOrganization(), state, appId, page, size);
    }

    public List<DossierEvent> history(UUID id) {
        access.visible(id);
        return events.historyOf(id);
    }

    /** New answers (and so new required criteria) while DRAFT or INFO_REQUESTED; needs the current ETag. */
    @Transactional(Transactional.TxType.MANDATORY)
    public M2Dossier update(UUID id, String ifMatch, RiskAssessment answers) {
        M2Dossier dossier = access.forUpdate(id);
        EntityTags.requireMatch(ifMatch, dossier.version);
        if (!dossier.state.isEditable()) {
            throw StateConflictException.illegalTransition("update", dossier.state);
        }
        dossier.answer(answers);
        history.record(dossier, "update", dossier.state, "risk assessment changed");
        dossiers.flush();
        return dossier;
    }

    /** DRAFT → SUBMITTED, or INFO_REQUESTED → IN_REVIEW (the answer to the assessor's question). */
    @Transactional(Transactional.TxType.MANDATORY)
    public M2Dossier submit(UUID id, String ifMatch) {
        M2Dossier dossier = access.forUpdate(id);
        checkOptionalMatch(ifMatch, dossier);
        DossierState to = switch (dossier.state) {
            case DRAFT -> DossierState.SUBMITTED;
            case INFO_REQUESTED -> DossierState.IN_REVIEW;
            default -> throw StateConflictException.illegalTransition("submit", dossier.state);
        };
        requireAppAtM1(dossier);
        if (dossier.submittedAt == null) {
            dossier.submittedAt = OffsetDateTime.now(clock);
        }
        history.record(dossier, "submit", to, null);
        dossiers.flush();
        return dossier;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public M2Dossier withdraw(UUID id, String ifMatch, String reason) {
        M2Dossier dossier = access.forUpdate(id);
        checkOptionalMatch(ifMatch, dossier);
        if (!DossierState.UNDECIDED.contains(dossier.state)) {
            throw StateConflictException.illegalTransition("withdraw", dossier.state);
        }
        history.record(dossier, "withdraw", DossierState.WITHDRAWN, reason);
        dossiers.flush();
        return dossier;
    }

    /** 409 unless the local copy of the app still stands at M1 or higher. */
    void requireAppAtM1(M2Dossier dossier) {
        AppCopy app = appCopies.findById(dossier.appId);
        if (app == null) {
            throw new ResourceNotFoundException("app", dossier.appId);
        }
        apps.requireLevel(app, Level.M1);
    }

    /** Transitions take an optional If-Match: when given, it must name the current version. */
    static void checkOptionalMatch(String ifMatch, M2Dossier dossier) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            EntityTags.requireMatch(ifMatch, dossier.version);
        }
    }
}
