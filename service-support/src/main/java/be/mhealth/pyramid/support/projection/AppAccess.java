package be.mhealth.pyramid.support.projection;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.support.problem.ResourceNotFoundException;
import be.mhealth.pyramid.support.problem.StateConflictException;

/** The checks a level service makes on its local app copy before opening a dossier. */
@ApplicationScoped
public class AppAccess {

    private final AppCopyRepository apps;

    AppAccess(AppCopyRepository apps) {
        this.apps = apps;
    }

    /** The app, if it exists and belongs to {@code organization}; otherwise 404 (never "someone else's"). */
    public AppCopy ownedBy(UUID appId, String organization) {
        AppCopy app = apps.findById(appId);
        if (app == null || !app.ownedBy(organization)) {
            throw new ResourceNotFoundException("app", appId);
        }
        return app;
    }

    /** 409 unless the app's effective level is at least {@code required}. */
    public void requireLevel(AppCopy app, Level required) {
        if (!Level.reaches(app.effectiveLevel, required)) {
            throw new StateConflictException("level-too-low",
                    "app " + app.appId + " stands at " + (app.effectiveLevel == null ? "no level" : app.effectiveLevel)
                            + "; this requires effective level " + required + " or higher",
                    app.effectiveLevel == null ? "NONE" : app.effectiveLevel.name());
        }
    }
}
