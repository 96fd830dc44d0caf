package be.mhealth.pyramid.registry.api;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.registry.domain.App;
import be.mhealth.pyramid.registry.domain.Category;
import be.mhealth.pyramid.registry.domain.Language;
import be.mhealth.pyramid.registry.domain.LevelGrant;

/** One listed app, its texts in one language. */
@Schema(name = "CatalogItem")
public record CatalogItem(
        UUID id,
        String name,
        String summary,
        @Schema(description = "the language of name and summary (en when de was asked but the vendor gave none)")
        String language,
        Category category,
        List<String> platforms,
        List<String> targetUsers,
        Level level,
        LevelFacts facts,
        String website) {

    static CatalogItem of(App app, Language language, Collection<LevelGrant> grants, LocalDate today) {
        return new CatalogItem(app.id, app.name(language), app.summary(language),
                app.textLanguage(language).code(), app.category, List.of(app.platforms), List.of(app.targetUsers),
                app.effectiveLevel, LevelFacts.of(app.effectiveLevel, grants, today), app.website);
    }
}
