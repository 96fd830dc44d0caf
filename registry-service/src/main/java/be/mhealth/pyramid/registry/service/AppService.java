package be.mhealth.pyramid.registry.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import be.mhealth.pyramid.events.RegistryEvents.AppRegistered;
import be.mhealth.pyramid.events.RegistryEvents.AppUpdated;
import be.mhealth.pyramid.registry.api.AppRequest;
import be.mhealth.pyramid.registry.api.MarketWithdrawalRequest;
import be.mhealth.pyramid.registry.domain.App;
import be.mhealth.pyramid.registry.domain.Language;
import be.mhealth.pyramid.registry.domain.LevelGrant;
import be.mhealth.pyramid.registry.repository.AppRepository;
import be.mhealth.pyramid.registry.repository.LevelGrantRepository;
import be.mhealth.pyramid.support.outbox.Outbox;
import be.mhealth.pyramid.support.problem.ResourceNotFoundException;
import be.mhealth.pyramid.support.problem.StateConflictException;
import be.mhealth.pyramid.support.web.EntityTags;

/** Vendors' app records: create, update (owner only, If-Match), market withdrawal, and who may see which record. */
@ApplicationScoped
public class AppService {

    private final AppRepository apps;
    private final LevelGrantRepository grants;
    private final LevelService levels;
    private final Outbox outbox;
    private final Clock clock;

    AppService(AppRepository apps, LevelGrantRepository grants, LevelService levels, Outbox outbox, Clock clock) {
        this.apps = apps;
        this.grants = grants;
        this.levels = levels;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A new app of {@code organization}, without a level; publishes AppRegistered. */
    @Transactional(Transactional.TxType.MANDATORY)
    public App create(AppRequest request, String organization, String actor) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        App app = new App();
        app.id = UUID.randomUUID();
        app.organizationId = organization;
        app.createdAt = now;
        app.createdBy = actor;
        copyListing(request, app, now, actor);
        apps.persist(app);
        outbox.publish(new AppRegistered(app.id, organization, app.names(), app.category.name(),
                app.effectiveLevel, now.toInstant()));
        return app;
    }

    /**
     * Replaces the listing data of an app of {@code organization}; 404 for anyone else's, 428/412 on If-Match, 409 once
     * it was withdrawn from the market.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public App update(UUID id, AppRequest request, String organization, String ifMatch, String actor) {
        App app = ownedForUpdate(id, organization);
        requireOnTheMarket(app, "edited");
        EntityTags.requireMatch(ifMatch, app.version);
        OffsetDateTime now = OffsetDateTime.now(clock);
        copyListing(request, app, now, actor);
        apps.flush();
        outbox.publish(new AppUpdated(app.id, app.organizationId, app.names(), app.category.name(),
                app.effectiveLevel, now.toInstant()));
        return app;
    }

    /**
     * The vendor takes its app off the market (owner only, 404 otherwise; 409 when already done): every active grant
     * ends, the app falls to no level for good and the level services hear of it. Its public record stays when it was
     * ever listed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public App withdrawFromMarket(UUID id, MarketWithdrawalRequest request, String organization, String actor) {
        App app = ownedForUpdate(id, organization);
        requireOnTheMarket(app, "withdrawn again");
        levels.withdrawFromMarket(app, actor, request.reasonCategory(), request.reason());
        apps.flush();
        return app;
    }

    /**
     * Listed and formerly listed (delisted) apps for everyone; an app that was never listed only for its own
     * organization (404 otherwise).
     */
    public App visibleTo(UUID id, Viewer viewer) {
        return apps.findByIdOptional(id)
                .filter(app -> app.isPublic() || viewer.owns(app))
                .orElseThrow(() -> new ResourceNotFoundException("app", id));
    }

    /** The app of {@code organization}, locked for change; 404 for anyone else's. */
    @Transactional(Transactional.TxType.MANDATORY)
    public App ownedForUpdate(UUID id, String organization) {
        return apps.findForUpdate(id).filter(a -> a.ownedBy(organization))
                .orElseThrow(() -> new ResourceNotFoundException("app", id));
    }

    /** 409 for an app its vendor withdrew from the market: it can no longer be changed. */
    static void requireOnTheMarket(App app, String action) {
        if (app.isWithdrawn()) {
            throw new StateConflictException("app-withdrawn", "the app was withdrawn from the market on "
                    + app.withdrawnAt.toLocalDate() + " and cannot be " + action, WITHDRAWN);
        }
    }

    /** The {@code currentState} of problems about a withdrawn app. */
    public static final String WITHDRAWN = "WITHDRAWN_FROM_MARKET";

    public List<LevelGrant> grantsOf(UUID appId) {
        return grants.forApp(appId);
    }

    /** The grants of several apps, by app id. */
    public Map<UUID, List<LevelGrant>> grantsOf(Collection<UUID> appIds) {
        return grants.forApps(appIds).stream().collect(Collectors.groupingBy(g -> g.appId));
    }

    public List<App> ownedBy(String organization, int page, int size) {
        return apps.ownedBy(organization, page, size);
    }

    public long countOwnedBy(String organization) {
        return apps.countOwnedBy(organization);
    }

    private static void copyListing(AppRequest request, App app, OffsetDateTime now, String actor) {
        app.nameNl = request.name().nl();
        app.nameFr = request.name().fr();
        app.nameEn = request.name().en();
        app.nameDe = request.name().de();
        app.summaryNl = request.summary().nl();
        app.summaryFr = request.summary().fr();
        app.summaryEn = request.summary().en();
        app.summaryDe = request.summary().de();
        app.description = description(request.description());
        app.category = request.category();
        app.targetUsers = request.targetUsers().stream().sorted().map(Enum::name).toArray(String[]::new);
        app.platforms = request.platforms().stream().sorted().map(Enum::name).toArray(String[]::new);
        app.website = request.website();
        app.appStoreUrl = request.storeLinks() == null ? null : request.storeLinks().appStore();
        app.googlePlayUrl = request.storeLinks() == null ? null : request.storeLinks().googlePlay();
        app.supportEmail = request.supportContact().email();
        app.supportPhone = request.supportContact().phone();
        app.supportUrl = request.supportContact().url();
        app.supportedLanguages = request.supportedLanguages().stream().sorted().toArray(String[]::new);
        app.updatedAt = now;
        app.updatedBy = actor;
    }

    private static Map<String, String> description(AppRequest.Description description) {
        if (description == null) {
            return null;
        }
        Map<String, String> map = new HashMap<>();
        put(map, Language.NL, description.nl());
        put(map, Language.FR, description.fr());
        put(map, Language.EN, description.en());
        put(map, Language.DE, description.de());
        return map.isEmpty() ? null : map;
    }

    private static void put(Map<String, String> map, Language language, String text) {
        if (text != null) {
            map.put(language.code(), text);
        }
    }
}
