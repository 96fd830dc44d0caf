package be.mhealth.pyramid.support.projection;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import be.mhealth.pyramid.events.AppEvent;
import be.mhealth.pyramid.events.EventEnvelope;
import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.RegistryEvents.AppLevelChanged;
import be.mhealth.pyramid.events.RegistryEvents.AppRegistered;
import be.mhealth.pyramid.events.RegistryEvents.AppUpdated;

/** Applies {@code registry.apps.v1} events to the local app copy (called through the Inbox). */
@ApplicationScoped
public class AppCopyUpdater {

    private final AppCopyRepository apps;
    private final Clock clock;

    AppCopyUpdater(AppCopyRepository apps, Clock clock) {
        this.apps = apps;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope<AppEvent> event) {
        switch (event.data()) {
            case AppRegistered e -> upsert(e.appId(), e.organizationId(), e.name(), e.effectiveLevel());
            case AppUpdated e -> upsert(e.appId(), e.organizationId(), e.name(), e.effectiveLevel());
            case AppLevelChanged e -> upsert(e.appId(), e.organizationId(), null, e.effectiveLevel());
            default -> {
                // not a registry event: nothing to copy
            }
        }
    }

    /** {@code name} null: keep the name known (a level change does not carry it). */
    private void upsert(UUID appId, String organization, Map<String, String> name, Level level) {
        AppCopy app = apps.findById(appId);
        boolean isNew = app == null;
        if (isNew) {
            app = new AppCopy();
            app.appId = appId;
        }
        app.organizationId = organization;
        if (name != null) {
            app.name = Map.copyOf(name);
        }
        app.effectiveLevel = level;
        app.updatedAt = OffsetDateTime.now(clock);
        if (isNew) {
            apps.persist(app);
        }
    }
}
