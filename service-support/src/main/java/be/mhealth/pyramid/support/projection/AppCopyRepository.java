package be.mhealth.pyramid.support.projection;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.support.dossier.LevelDossier;
import be.mhealth.pyramid.support.dossier.QueuedDossier;
import be.mhealth.pyramid.support.paging.Page;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AppCopyRepository implements PanacheRepositoryBase<AppCopy, UUID> {

    /**
     * Whether the copy holds the app, at {@code level} or higher when one is given. Reads the level afresh each time
     * (a scalar query: no entity from the session's cache).
     */
    public boolean holds(UUID appId, Level level) {
        List<Level> found = getEntityManager()
                .createQuery("select a.effectiveLevel from AppCopy a where a.appId = :appId", Level.class)
                .setParameter("appId", appId).getResultList();
        return !found.isEmpty() && (level == null || Level.reaches(found.get(0), level));
    }

    /** The known names of these apps, by app id (apps without a known name are left out). */
    public Map<UUID, Map<String, String>> namesOf(Collection<UUID> appIds) {
        Map<UUID, Map<String, String>> names = new HashMap<>();
        if (!appIds.isEmpty()) {
            list("appId in ?1 and name is not null", appIds).forEach(app -> names.put(app.appId, app.name));
        }
        return names;
    }

    /** A page of a review queue with each dossier's app name (one query for the page). */
    public <D extends LevelDossier> Page<QueuedDossier<D>> withAppNames(Page<D> page) {
        Map<UUID, Map<String, String>> names = namesOf(page.items().stream().map(LevelDossier::appId).toList());
        return page.map(d -> new QueuedDossier<>(d, names.get(d.appId())));
    }
}
