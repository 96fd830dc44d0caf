package be.mhealth.pyramid.registry.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.RegistryEvents.AppVersionDeclared;
import be.mhealth.pyramid.events.RegistryEvents.SignificantChange;
import be.mhealth.pyramid.registry.api.AppVersionRequest;
import be.mhealth.pyramid.registry.domain.App;
import be.mhealth.pyramid.registry.domain.AppVersion;
import be.mhealth.pyramid.registry.domain.VersionNumber;
import be.mhealth.pyramid.registry.repository.AppVersionRepository;
import be.mhealth.pyramid.support.outbox.Outbox;
import be.mhealth.pyramid.support.problem.RuleViolationException;
import be.mhealth.pyramid.support.problem.StateConflictException;
import be.mhealth.pyramid.support.time.PlatformCalendar;

/**
 * The versions vendors declare for their apps. Each is newer than the app's current one and released no earlier; a
 * version with significant changes publishes AppVersionDeclared (in the same transaction) so that the authorities
 * concerned re-assess it. Nothing falls automatically.
 */
@ApplicationScoped
public class AppVersionService {

    /** Releases before this day are not plausible for an app registered here. */
    static final LocalDate EARLIEST_RELEASE = LocalDate.of(2000, 1, 1);

    private final AppService apps;
    private final AppVersionRepository versions;
    private final Outbox outbox;
    private final Clock clock;

    AppVersionService(AppService apps, AppVersionRepository versions, Outbox outbox, Clock clock) {
        this.apps = apps;
        this.versions = versions;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Declares a version of an app of {@code organization} (404 for anyone else's, 409 once withdrawn). */
    @Transactional(Transactional.TxType.MANDATORY)
    public AppVersion declare(UUID appId, AppVersionRequest request, String organization, String actor) {
        App app = apps.ownedForUpdate(appId, organization);
        AppService.requireOnTheMarket(app, "given new versions");
        VersionNumber number = VersionNumber.parse(request.version())
                .orElseThrow(() -> new RuleViolationException("version", "must be " + VersionNumber.FORM));
        if (versions.exists(app.id, request.version())) {
            throw new StateConflictException("version-exists", "the app already has version " + request.version(),
                    null);
        }
        AppVersion current = app.currentVersionId == null ? null : versions.findById(app.currentVersionId);
        LocalDate today = PlatformCalendar.today(clock);
        if (request.releasedOn().isAfter(today)) {
            throw new RuleViolationException("releasedOn", "must not be in the future (today is " + today + ")");
        }
        if (request.releasedOn().isBefore(EARLIEST_RELEASE)) {
            throw new RuleViolationException("releasedOn", "must not be before " + EARLIEST_RELEASE);
        }
        if (current != null) {
            int order = number.compareTo(current.number());
            if (order == 0) {
                throw new StateConflictException("version-exists", "version " + request.version()
                        + " is the app's current version " + current.version, null);
            }
            if (order < 0) {
                throw new RuleViolationException("version", "must be newer than the current version "
                        + current.version);
            }
            if (request.releasedOn().isBefore(current.releasedOn)) {
                throw new RuleViolationException("releasedOn", "must not be before the current version's release ("
                        + current.version + ", " + current.releasedOn + ")");
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        AppVersion version = new AppVersion();
        version.id = UUID.randomUUID();
        version.appId = app.id;
        version.version = request.version();
        version.releasedOn = request.releasedOn();
        version.releaseNotesNl = request.releaseNotes().nl();
        version.releaseNotesFr = request.releaseNotes().fr();
        version.releaseNotesEn = request.releaseNotes().en();
        version.releaseNotesDe = request.releaseNotes().de();
        List<SignificantChange> changes = request.significantChanges() == null ? List.of()
                : request.significantChanges().stream().filter(Objects::nonNull).distinct().sorted().toList();
        version.significantChanges = changes.stream().map(Enum::name).toArray(String[]::new);
        version.declaredAt = now;
        version.declaredBy = actor;
        versions.persist(version);
        app.currentVersionId = version.id;
        versions.flush();
        if (!changes.isEmpty()) {
            List<Level> concerns = SignificantChange.concerns(changes);
            outbox.publish(new AppVersionDeclared(app.id, app.organizationId, app.effectiveLevel, version.id,
                    version.version, version.releasedOn, version.releaseNotes(), changes, concerns, now.toInstant()));
        }
        return version;
    }

    public List<AppVersion> versionsOf(UUID appId, int page, int size) {
        return versions.forApp(appId, page, size);
    }

    public long countVersionsOf(UUID appId) {
        return versions.countForApp(appId);
    }

    public AppVersion current(App app) {
        return app.currentVersionId == null ? null : versions.findById(app.currentVersionId);
    }

    /** The current versions of these apps, by version id. */
    public Map<UUID, AppVersion> currentOf(Collection<App> apps) {
        return versions.byIds(apps.stream().map(a -> a.currentVersionId).filter(Objects::nonNull).toList());
    }

    /** One version of an app. */
    public java.util.Optional<AppVersion> find(UUID appId, UUID versionId) {
        return versions.findByIdOptional(versionId).filter(v -> v.appId.equals(appId));
    }
}
