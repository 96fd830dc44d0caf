package be.mhealth.pyramid.registry.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.RegistryEvents.MarketWithdrawalReason;
import be.mhealth.pyramid.registry.domain.App;
import be.mhealth.pyramid.registry.domain.AppVersion;
import be.mhealth.pyramid.registry.domain.Category;
import be.mhealth.pyramid.registry.domain.DelistingReason;
import be.mhealth.pyramid.registry.domain.Labels;
import be.mhealth.pyramid.registry.domain.Language;
import be.mhealth.pyramid.registry.domain.LevelGrant;
import be.mhealth.pyramid.registry.domain.Platform;
import be.mhealth.pyramid.registry.domain.TargetUser;
import be.mhealth.pyramid.registry.service.Viewer;
import be.mhealth.pyramid.support.time.PlatformCalendar;

/**
 * An app record with all its languages, its effective level and the facts behind it, whether it is listed (or when
 * and why it left the catalog), its current version and its market withdrawal.
 */
@Schema(name = "App", requiredProperties = { "id", "organizationId", "name", "summary", "category", "targetUsers",
        "platforms", "website", "supportContact", "supportedLanguages", "listed", "facts", "version", "createdAt",
        "createdBy", "updatedAt", "updatedBy", "language", "categoryLabel", "targetUserLabels", "platformLabels",
        "topics" })
public record AppView(
        UUID id,
        String organizationId,
        @Schema(implementation = AppRequest.Name.class) Map<String, String> name,
        @Schema(implementation = AppRequest.Summary.class) Map<String, String> summary,
        @Schema(implementation = AppRequest.Description.class) Map<String, String> description,
        Category category,
        @Schema(type = SchemaType.ARRAY, implementation = TargetUser.class) List<String> targetUsers,
        @Schema(type = SchemaType.ARRAY, implementation = Platform.class) List<String> platforms,
        @Schema(description = "the language of the labels and topics: `lang`, else Accept-Language, else en (en "
                + "also when de was asked: labels exist in nl, fr and en)", ref = "Language") String language,
        @Schema(description = "category in the language", example = "Cardiology") String categoryLabel,
        @Schema(description = "targetUsers in the language, in the same order") List<String> targetUserLabels,
        @Schema(description = "platforms in the language, in the same order") List<String> platformLabels,
        String website,
        AppRequest.StoreLinks storeLinks,
        AppRequest.SupportContact supportContact,
        List<String> supportedLanguages,
        @Schema(description = "effective level; absent when the app holds none (a draft, or M1 lapsed)") Level level,
        OffsetDateTime levelSince,
        @Schema(description = "level in the language; absent with level") String levelLabel,
        @Schema(required = true, description = "in the public catalog (holds a level)") boolean listed,
        @Schema(description = "formerly listed, now without a level: the (Belgian) day it left the catalog")
        LocalDate delistedOn,
        @Schema(description = "formerly listed, now without a level: why it left the catalog")
        DelistingReason delistingReason,
        LevelFacts facts,
        @Schema(description = "the five topics in the language, each ASSESSED or NOT_ASSESSED") AppTopics topics,
        @Schema(description = "the latest version its vendor declared; absent when none") CurrentVersion currentVersion,
        @Schema(description = "present once the vendor took the app off the market") MarketWithdrawal marketWithdrawal,
        @Schema(description = "the record's version (its ETag is this number in quotes)") long version,
        OffsetDateTime createdAt,
        @Schema(description = "the person, for the owning vendor and the authorities; the organization for everyone "
                + "else") String createdBy,
        OffsetDateTime updatedAt,
        @Schema(description = "as createdBy") String updatedBy) {

    /** The app's latest declared version, its notes in the language asked for. */
    @Schema(name = "CurrentVersion")
    public record CurrentVersion(
            @Schema(required = true) String version,
            @Schema(required = true) LocalDate releasedOn,
            @Schema(required = true) String releaseNotes,
            @Schema(required = true, description = "the language of releaseNotes (lang, else Accept-Language, else "
                    + "en; en when de was asked but the vendor gave none)") String language) {

        static CurrentVersion of(AppVersion version, Language language) {
            return version == null ? null : new CurrentVersion(version.version, version.releasedOn,
                    version.releaseNotes(language), version.notesLanguage(language).code());
        }
    }

    /** The vendor took the app off the market. */
    @Schema(name = "MarketWithdrawal")
    public record MarketWithdrawal(
            @Schema(required = true) OffsetDateTime withdrawnAt,
            @Schema(required = true) MarketWithdrawalReason reasonCategory,
            @Schema(description = "the vendor's own words: only for the owning vendor and the authorities") String reason,
            @Schema(required = true, description = "the person, for the owning vendor and the authorities; the "
                    + "organization for everyone else") String withdrawnBy) {

        static MarketWithdrawal of(App app, Viewer viewer) {
            return !app.isWithdrawn() ? null : new MarketWithdrawal(app.withdrawnAt, app.withdrawalCategory,
                    viewer.seesNames(app) ? app.withdrawalReason : null, viewer.vendorActor(app, app.withdrawnBy));
        }
    }

    /**
     * The app as {@code viewer} may read it: people's names and the vendor's private texts only for its owner and the
     * authorities; the current version's notes in {@code language}.
     */
    static AppView of(App app, Collection<LevelGrant> grants, AppVersion current, Language language, Viewer viewer,
            LocalDate today) {
        Labels labels = Labels.of(language);
        return new AppView(app.id, app.organizationId,
                app.names(), app.summaries(),
                app.description == null || app.description.isEmpty() ? null : app.description,
                app.category, List.of(app.targetUsers), List.of(app.platforms), labels.language().code(),
                labels.category(app.category),
                Arrays.stream(app.targetUsers).map(labels::targetUser).toList(),
                Arrays.stream(app.platforms).map(labels::platform).toList(), app.website,
                app.appStoreUrl == null && app.googlePlayUrl == null ? null
                        : new AppRequest.StoreLinks(app.appStoreUrl, app.googlePlayUrl),
                new AppRequest.SupportContact(app.supportEmail, app.supportPhone, app.supportUrl),
                List.of(app.supportedLanguages), app.effectiveLevel, app.levelSince, labels.level(app.effectiveLevel),
                app.isListed(),
                app.isDelisted() ? PlatformCalendar.dayOf(app.delistedAt) : null,
                app.isDelisted() ? app.delistingReason : null,
                LevelFacts.of(app.effectiveLevel, grants, today),
                AppTopics.of(app.effectiveLevel, grants, today, labels), CurrentVersion.of(current, language),
                MarketWithdrawal.of(app, viewer), app.version,
                app.createdAt, viewer.vendorActor(app, app.createdBy), app.updatedAt,
                viewer.vendorActor(app, app.updatedBy));
    }
}
