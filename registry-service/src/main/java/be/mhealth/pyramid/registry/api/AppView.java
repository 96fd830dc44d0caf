package be.mhealth.pyramid.registry.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.registry.domain.App;
import be.mhealth.pyramid.registry.domain.Category;
import be.mhealth.pyramid.registry.domain.LevelGrant;

/** An app record with all its languages, its effective level and the facts behind it. */
@Schema(name = "App")
public record AppView(
        UUID id,
        String organizationId,
        Map<String, String> name,
        Map<String, String> summary,
        Map<String, String> description,
        Category category,
        List<String> targetUsers,
        List<String> platforms,
        String website,
        AppRequest.StoreLinks storeLinks,
        AppRequest.SupportContact supportContact,
        List<String> supportedLanguages,
        @Schema(description = "effective level; absent when the app holds none (a draft, or M1 lapsed)") Level level,
        OffsetDateTime levelSince,
        LevelFacts facts,
        long version,
        OffsetDateTime createdAt,
        String createdBy,
        OffsetDateTime updatedAt,
        String updatedBy) {

    static AppView of(App app, Collection<LevelGrant> grants, LocalDate today) {
        return new AppView(app.id, app.organizationId,
                app.names(), app.summaries(),
                app.description == null || app.description.isEmpty() ? null : app.description,
                app.category, List.of(app.targetUsers), List.of(app.platforms), app.website,
                app.appStoreUrl == null && app.googlePlayUrl == null ? null
                        : new AppRequest.StoreLinks(app.appStoreUrl, app.googlePlayUrl),
                new AppRequest.SupportContact(app.supportEmail, app.supportPhone, app.supportUrl),
                List.of(app.supportedLanguages), app.effectiveLevel, app.levelSince,
                LevelFacts.of(app.effectiveLevel, grants, today), app.version,
                app.createdAt, app.createdBy, app.updatedAt, app.updatedBy);
    }
}
