package be.mhealth.pyramid.registry.api;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.registry.domain.Category;
import be.mhealth.pyramid.registry.domain.DelistingReason;
import be.mhealth.pyramid.registry.domain.Labels;
import be.mhealth.pyramid.registry.domain.LevelGrant;
import be.mhealth.pyramid.registry.domain.Platform;
import be.mhealth.pyramid.registry.domain.TargetUser;
import be.mhealth.pyramid.registry.repository.CatalogRow;
import be.mhealth.pyramid.support.time.PlatformCalendar;

/** One listed (or, with include=delisted, formerly listed) app, its texts in one language. */
@Schema(name = "CatalogItem", requiredProperties = { "id", "name", "summary", "language", "category", "platforms",
        "targetUsers", "listed", "facts", "website", "categoryLabel", "platformLabels", "targetUserLabels" })
public record CatalogItem(
        UUID id,
        String name,
        String summary,
        @Schema(description = "the language of name and summary (en when de was asked but the vendor gave none)",
                ref = "Language") String language,
        Category category,
        @Schema(type = SchemaType.ARRAY, implementation = Platform.class) List<String> platforms,
        @Schema(type = SchemaType.ARRAY, implementation = TargetUser.class) List<String> targetUsers,
        @Schema(description = "category in the page's language (en when de was asked: labels exist in nl, fr and "
                + "en)", example = "Cardiology") String categoryLabel,
        @Schema(description = "platforms in the page's language, in the same order") List<String> platformLabels,
        @Schema(description = "targetUsers in the page's language, in the same order") List<String> targetUserLabels,
        Level level,
        @Schema(description = "level in the page's language; absent with level",
                example = "M1: CE-marked medical device") String levelLabel,
        @Schema(required = true, description = "false for a formerly listed app (only with include=delisted)")
        boolean listed,
        @Schema(description = "delisted apps: the (Belgian) day it left the catalog") LocalDate delistedOn,
        @Schema(description = "delisted apps: why it left the catalog") DelistingReason delistingReason,
        LevelFacts facts,
        String website) {

    static CatalogItem of(CatalogRow app, Collection<LevelGrant> grants, LocalDate today, Labels labels) {
        return new CatalogItem(app.id(), app.name(), app.summary(), app.textLanguage().code(), app.category(),
                app.platforms(), app.targetUsers(), labels.category(app.category()),
                app.platforms().stream().map(labels::platform).toList(),
                app.targetUsers().stream().map(labels::targetUser).toList(), app.level(), labels.level(app.level()),
                app.level() != null,
                PlatformCalendar.dayOf(app.delistedAt()),
                app.delistingReason(), LevelFacts.of(app.level(), grants, today), app.website());
    }
}
