package be.mhealth.pyramid.registry.service;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import be.mhealth.pyramid.events.AppEvent;
import be.mhealth.pyramid.events.EventEnvelope;
import be.mhealth.pyramid.events.Level;
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
import be.mhealth.pyramid.events.RegistryEvents.AppLevelChanged;
import be.mhealth.pyramid.registry.domain.App;
import be.mhealth.pyramid.registry.domain.LevelChange;
import be.mhealth.pyramid.registry.domain.LevelGrant;
import be.mhealth.pyramid.registry.domain.PyramidRule;
import be.mhealth.pyramid.registry.repository.AppRepository;
import be.mhealth.pyramid.registry.repository.LevelChangeRepository;
import be.mhealth.pyramid.registry.repository.LevelGrantRepository;
import be.mhealth.pyramid.support.outbox.Outbox;

/**
 * Applies the level services' decisions: keeps each app's grant per level, recomputes the effective level
 * by the {@link PyramidRule}, and on a change writes the history row and publishes AppLevelChanged, all in
 * the consumer's transaction. Called once per event through the Inbox.
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

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope<AppEvent> event) {
        if (event.data().appId() == null) {
            LOG.errorf("skipping event %s (%s) without an app id", event.id(), event.type().ceType());
            return;
        }
        switch (event.data()) {
            case M1Granted e -> grant(event, Level.M1, e.dossierId(), e.decidedBy(), e.decidedAt(), "M1 granted",
                    g -> {
                        g.regulation = e.regulation();
                        g.deviceClass = e.deviceClass();
                        g.certificateNumber = e.certificateNumber();
                        g.certificateExpiresOn = e.certificateExpiresOn();
                    });
            case M2Granted e -> grant(event, Level.M2, e.dossierId(), e.decidedBy(), e.decidedAt(), "M2 granted",
                    g -> g.criteriaMet = e.criteriaMet() == null ? null : e.criteriaMet().toArray(String[]::new));
            case M3Granted e -> grant(event, Level.M3, e.dossierId(), e.decidedBy(), e.decidedAt(),
                    "M3 granted (" + e.kind() + ")", g -> {
                        g.reimbursementKind = e.kind();
                        g.nomenclatureCode = e.nomenclatureCode();
                        g.amount = e.amount();
                        g.unit = e.unit();
                        g.startDate = e.startDate();
                        g.endDate = e.endDate();
                    });
            case M1Revoked e -> end(event, Level.M1, e.dossierId(), e.decidedBy(), e.decidedAt(),
                    "M1 revoked" + because(e.reason()));
            case M1Expired e -> end(event, Level.M1, e.dossierId(), e.decidedBy(), e.expiredAt(),
                    "M1 certificate expired on " + e.certificateExpiredOn() + because(e.reason()));
            case M2Revoked e -> end(event, Level.M2, e.dossierId(), e.decidedBy(), e.decidedAt(),
                    "M2 revoked" + because(e.reason()));
            case M3Ended e -> end(event, Level.M3, e.dossierId(), e.decidedBy(), e.decidedAt(),
                    "M3 reimbursement ended on " + e.endedOn() + because(e.reason()));
            case M1Rejected e -> LOG.infof("app %s: M1 dossier %s rejected; no level change", e.appId(), e.dossierId());
            case M2Rejected e -> LOG.infof("app %s: M2 dossier %s rejected; no level change", e.appId(), e.dossierId());
            case M3Declined e -> LOG.infof("app %s: M3 dossier %s declined; no level change", e.appId(), e.dossierId());
            default -> LOG.debugf("ignoring %s: not a level decision", event.type().ceType());
        }
    }

    private void grant(EventEnvelope<AppEvent> event, Level level, UUID dossier, String by, Instant at, String reason,
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
        app.ifPresentOrElse(a -> recompute(a, event, actor(by, event), reason),
                () -> LOG.warnf("%s for unknown app %s: grant kept, no level to change", level, appId));
    }

    private void end(EventEnvelope<AppEvent> event, Level level, UUID dossier, String by, Instant at, String reason) {
        UUID appId = event.data().appId();
        Optional<App> app = apps.findForUpdate(appId);
        Optional<LevelGrant> grant = grants.find(appId, level).filter(g -> g.active);
        if (grant.isEmpty() || !grant.get().concerns(dossier)) {
            LOG.infof("app %s: %s (%s) names no active %s grant; nothing to end", appId, event.type().ceType(),
                    event.id(), level);
            return;
        }
        grant.get().end(actor(by, event), time(at), reason, event.id());
        grant.get().updatedAt = OffsetDateTime.now(clock);
        app.ifPresentOrElse(a -> recompute(a, event, actor(by, event), reason),
                () -> LOG.warnf("%s ended for unknown app %s: no level to change", level, appId));
    }

    /** The pyramid rule over the app's active grants; on a change: history row and AppLevelChanged. */
    private void recompute(App app, EventEnvelope<AppEvent> event, String actor, String reason) {
        Set<Level> active = EnumSet.noneOf(Level.class);
        grants.forApp(app.id).stream().filter(g -> g.active).forEach(g -> active.add(g.level));
        Level to = PyramidRule.effectiveLevel(active);
        Level from = app.effectiveLevel;
        if (to == from) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        app.effectiveLevel = to;
        app.levelSince = now;

        LevelChange change = new LevelChange();
        change.appId = app.id;
        change.fromLevel = from;
        change.toLevel = to;
        change.causeEventId = event.id();
        change.causeEventType = event.type().ceType();
        change.actor = actor;
        change.reason = reason;
        change.changedAt = now;
        changes.persist(change);

        outbox.publish(new AppLevelChanged(app.id, app.organizationId, from, to, event.id(), event.type().ceType(),
                now.toInstant()));
        LOG.infof("app %s: level %s -> %s (%s)", app.id, from, to, reason);
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

    private static String because(String reason) {
        return reason == null || reason.isBlank() ? "" : ": " + reason;
    }
}
