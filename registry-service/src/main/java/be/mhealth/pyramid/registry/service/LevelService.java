package be.mhealth.pyramid.registry.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import be.mhealth.pyramid.events.AppEvent;
import be.mhealth.pyramid.events.EventEnvelope;
import be.mhealth.pyramid.events.EventType;
import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.M1Events.M1CertificateExtended;
import be.mhealth.pyramid.events.M1Events.M1Expired;
import be.mhealth.pyramid.events.M1Events.M1Granted;
import be.mhealth.pyramid.events.M1Events.M1Rejected;
import be.mhealth.pyramid.events.M1Events.M1Revoked;
import be.mhealth.pyramid.events.M2Events.M2Granted;
import be.mhealth.pyramid.events.M2Events.M2Rejected;
import be.mhealth.pyramid.events.M2Events.M2Revoked;
import be.mhealth.pyramid.events.M3Events.M3Declined;
import be.mhealth.pyramid.events.M3Events.M3Ended;
import be.mhealth.pyramid.events.M3Events.M3Granted;
import be.mhealth.pyramid.events.M3Events.ReimbursementKind;
import be.mhealth.pyramid.events.RegistryEvents.AppLevelChanged;
import be.mhealth.pyramid.events.RegistryEvents.AppWithdrawnFromMarket;
import be.mhealth.pyramid.events.RegistryEvents.MarketWithdrawalReason;
import be.mhealth.pyramid.registry.domain.App;
import be.mhealth.pyramid.registry.domain.DelistingReason;
import be.mhealth.pyramid.registry.domain.LevelChange;
import be.mhealth.pyramid.registry.domain.LevelGrant;
import be.mhealth.pyramid.registry.domain.PyramidRule;
import be.mhealth.pyramid.registry.repository.AppRepository;
import be.mhealth.pyramid.registry.repository.LevelChangeRepository;
import be.mhealth.pyramid.registry.repository.LevelGrantRepository;
import be.mhealth.pyramid.support.outbox.Outbox;

/**
 * Applies the level services' decisions: keeps each app's grant per level, recomputes the effective level
 * by the {@link PyramidRule}, and on a change writes the history row (delisting or relisting the app) and publishes
 * AppLevelChanged, all in the consumer's transaction. Called once per event through the Inbox. Also ends every grant
 * of an app its vendor withdraws from the market.
 */
@ApplicationScoped
public class LevelService {

    private static final Logger LOG = Logger.getLogger(LevelService.class);

    private final AppRepository apps;
    private final LevelGrantRepository grants;
    private final LevelChangeRepository changes;
    private final Outbox outbox;
    private final Clock clock;

    LevelService(AppRepository apps, LevelGrantRepository grants, LevelChangeRepository changes, Outbox outbox,
            Clock clock) {
        this.apps = apps;
        this.grants = grants;
        this.changes = changes;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * The levels' events that change nothing here: every dossier transition's state change (an approval sends two
     * before its grant) and M1's expiry warnings. The inbox passes over them without a transaction, so that the grant
     * behind them reaches the catalog sooner.
     */
    private static final Set<EventType> NOT_APPLIED = EnumSet.of(EventType.M1_DOSSIER_STATE_CHANGED,
            EventType.M2_DOSSIER_STATE_CHANGED, EventType.M3_DOSSIER_STATE_CHANGED, EventType.M1_CERTIFICATE_EXPIRING);

    public boolean applies(EventType type) {
        return !NOT_APPLIED.contains(type);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope<AppEvent> event) {
        if (event.data().appId() == null) {
            LOG.errorf("skipping event %s (%s) without an app id", event.id(), event.type().ceType());
            return;
        }
        switch (event.data()) {
            case M1Granted e -> grant(event, Level.M1, e.dossierId(), e.decidedBy(), e.decidedAt(), Why.NONE, g -> {
                g.regulation = e.regulation();
                g.deviceClass = e.deviceClass();
                g.certificateNumber = e.certificateNumber();
                g.certificateExpiresOn = e.certificateExpiresOn();
                g.notifiedBody = e.notifiedBody();
                g.legalBasis = e.legalBasis();
                g.dataArea = e.dataArea();
                g.dataCountry = e.dataCountry();
                g.transferMechanism = e.transferMechanism();
                g.dpoContact = e.dpoContact();
                g.privacyPolicyUrl = e.privacyPolicyUrl();
            });
            case M2Granted e -> grant(event, Level.M2, e.dossierId(), e.decidedBy(), e.decidedAt(), Why.NONE,
                    g -> g.criteriaMet = e.criteriaMet() == null ? null : e.criteriaMet().toArray(String[]::new));
            case M3Granted e -> grant(event, Level.M3, e.dossierId(), e.decidedBy(), e.decidedAt(),
                    new Why(null, null, e.kind()), g -> {
                        g.reimbursementKind = e.kind();
                        g.nomenclatureCode = e.nomenclatureCode();
                        g.amount = e.amount();
                        g.unit = e.unit();
                        g.startDate = e.startDate();
                        g.endDate = e.endDate();
                    });
            case M1Revoked e -> end(event, Level.M1, e.dossierId(), e.decidedBy(), e.decidedAt(),
                    new Why(e.reason(), null, null));
            case M1Expired e -> end(event, Level.M1, e.dossierId(), e.decidedBy(), e.expiredAt(),
                    new Why(e.reason(), e.certificateExpiredOn(), null));
            case M2Revoked e -> end(event, Level.M2, e.dossierId(), e.decidedBy(), e.decidedAt(),
                    new Why(e.reason(), null, null));
            case M3Ended e -> end(event, Level.M3, e.dossierId(), e.decidedBy(), e.decidedAt(),
                    new Why(e.reason(), e.endedOn(), null));
            case M1CertificateExtended e -> extend(e);
            case M1Rejected e -> LOG.infof("app %s: M1 dossier %s rejected; no level change", e.appId(), e.dossierId());
            case M2Rejected e -> LOG.infof("app %s: M2 dossier %s rejected; no level change", e.appId(), e.dossierId());
            case M3Declined e -> LOG.infof("app %s: M3 dossier %s declined; no level change", e.appId(), e.dossierId());
            default -> LOG.debugf("ignoring %s: not a level decision", event.type().ceType());
        }
    }

    /**
     * Why a level changed, as the event said it: the authority's reason, the decision's date, the M3 kind; or the
     * vendor's public category of a market withdrawal.
     */
    private record Why(String reason, LocalDate effectiveOn, ReimbursementKind kind, MarketWithdrawalReason withdrawal) {
        static final Why NONE = new Why(null, null, null, null);

        Why(String reason, LocalDate effectiveOn, ReimbursementKind kind) {
            this(reason, effectiveOn, kind, null);
        }
    }

    private void grant(EventEnvelope<AppEvent> event, Level level, UUID dossier, String by, Instant at, Why why,
            Consumer<LevelGrant> facts) {
        UUID appId = event.data().appId();
        Optional<App> app = apps.findForUpdate(appId);
        LevelGrant grant = grants.find(appId, level).orElse(null);
        boolean isNew = grant == null;
        if (isNew) {
            grant = new LevelGrant();
            grant.appId = appId;
            grant.level = level;
        }
        grant.grant(dossier, actor(by, event), time(at), event.id());
        facts.accept(grant);
        grant.updatedAt = OffsetDateTime.now(clock);
        if (isNew) {
            grants.persist(grant);
        }
        app.ifPresentOrElse(a -> recompute(a, event.id(), event.type().ceType(), actor(by, event), why),
                () -> LOG.warnf("%s for unknown app %s: grant kept, no level to change", level, appId));
    }

    private void end(EventEnvelope<AppEvent> event, Level level, UUID dossier, String by, Instant at, Why why) {
        UUID appId = event.data().appId();
        Optional<App> app = apps.findForUpdate(appId);
        Optional<LevelGrant> grant = grants.find(appId, level).filter(g -> g.active);
        if (grant.isEmpty() || !grant.get().concerns(dossier)) {
            LOG.infof("app %s: %s (%s) names no active %s grant; nothing to end", appId, event.type().ceType(),
                    event.id(), level);
            return;
        }
        grant.get().end(actor(by, event), time(at), event.id(), event.type().ceType(), why.reason(),
                why.effectiveOn());
        grant.get().updatedAt = OffsetDateTime.now(clock);
        app.ifPresentOrElse(a -> recompute(a, event.id(), event.type().ceType(), actor(by, event), why),
                () -> LOG.warnf("%s ended for unknown app %s: no level to change", level, appId));
    }

    /** FAMHP extended the certificate behind the active M1 grant: its facts say the new expiry date. */
    private void extend(M1CertificateExtended e) {
        apps.findForUpdate(e.appId()); // the app row's lock orders this change after any other of the app's grants
        grants.find(e.appId(), Level.M1).filter(g -> g.active && e.dossierId().equals(g.dossierId))
                .ifPresentOrElse(g -> {
                    g.certificateExpiresOn = e.certificateExpiresOn();
                    g.updatedAt = OffsetDateTime.now(clock);
                }, () -> LOG.infof("app %s: certificate extension of dossier %s names no active M1 grant; ignored",
                        e.appId(), e.dossierId()));
    }

    /**
     * The vendor took {@code app} (locked by the caller) off the market: every active grant ends, the app falls to no
     * level for good (history row, AppLevelChanged) and AppWithdrawnFromMarket tells the level services. Returns the
     * levels whose grants ended.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Level> withdrawFromMarket(App app, String actor, MarketWithdrawalReason category, String reason) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Level from = app.effectiveLevel;
        List<LevelGrant> active = grants.forApp(app.id).stream().filter(g -> g.active)
                .sorted(java.util.Comparator.comparing(g -> g.level)).toList();
        List<Level> ended = active.stream().map(g -> g.level).toList();
        String eventId = outbox.publish(new AppWithdrawnFromMarket(app.id, app.organizationId, from, null, category,
                reason, ended, now.toInstant())).toString();
        String eventType = EventType.APP_WITHDRAWN_FROM_MARKET.ceType();
        for (LevelGrant grant : active) {
            grant.end(actor, now, eventId, eventType, null, null);
            grant.updatedAt = now;
        }
        // Without active grants the app falls to no level; only then is it marked withdrawn (a withdrawn app with a
        // level would break the table's check at the recompute's flush).
        recompute(app, eventId, eventType, actor, new Why(null, null, null, category));
        app.withdrawnAt = now;
        app.withdrawnBy = actor;
        app.withdrawalCategory = category;
        app.withdrawalReason = reason;
        return ended;
    }

    /** The pyramid rule over the app's active grants; on a change: history row and AppLevelChanged. */
    private void recompute(App app, String causeId, String causeType, String actor, Why why) {
        Set<Level> active = EnumSet.noneOf(Level.class);
        grants.forApp(app.id).stream().filter(g -> g.active).forEach(g -> active.add(g.level));
        Level to = PyramidRule.effectiveLevel(active, app.isWithdrawn());
        Level from = app.effectiveLevel;
        if (to == from) {
            if (app.isWithdrawn() && !active.isEmpty()) {
                LOG.infof("app %s was withdrawn from the market: %s kept on its grants, no level", app.id, causeType);
            }
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        DelistingReason delisting = to == null ? DelistingReason.of(causeType) : null;
        app.changeLevel(to, now, delisting);

        LevelChange change = new LevelChange();
        change.appId = app.id;
        change.fromLevel = from;
        change.toLevel = to;
        change.causeEventId = causeId;
        change.causeEventType = causeType;
        change.actor = actor;
        change.reason = why.reason();
        change.effectiveOn = why.effectiveOn();
        change.reimbursementKind = why.kind();
        change.withdrawalCategory = why.withdrawal();
        change.delistingReason = delisting;
        change.changedAt = now;
        changes.persist(change);

        outbox.publish(new AppLevelChanged(app.id, app.organizationId, from, to, causeId, causeType,
                now.toInstant()));
        LOG.infof("app %s: level %s -> %s (%s)", app.id, from, to, change.summary());
    }

    private OffsetDateTime time(Instant at) {
        return at == null ? OffsetDateTime.now(clock) : at.atOffset(ZoneOffset.UTC);
    }

    private static String actor(String decidedBy, EventEnvelope<AppEvent> event) {
        return decidedBy == null || decidedBy.isBlank() ? sourceService(event) : decidedBy;
    }

    /** The producing service, from the CloudEvents source ("/m1-ce-service") or the topic's contract. */
    private static String sourceService(EventEnvelope<AppEvent> event) {
        String source = event.source();
        if (source == null || source.isBlank()) {
            return event.type().topic().producer();
        }
        return source.startsWith("/") ? source.substring(1) : source;
    }
}
