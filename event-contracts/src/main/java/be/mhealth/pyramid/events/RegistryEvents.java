package be.mhealth.pyramid.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import be.mhealth.pyramid.events.Limits.MaxItems;
import be.mhealth.pyramid.events.Limits.MaxLength;

/** Payloads of {@code registry.apps.v1}. Each carries the owner and current effective level. */
public final class RegistryEvents {
    private RegistryEvents() {
    }

    /** A vendor registered a new app (no level yet). */
    public record AppRegistered(UUID appId, @MaxLength(Limits.ORGANIZATION_ID) String organizationId,
            @MaxItems(Limits.LANGUAGES)
            Map<@MaxLength(Limits.LANGUAGE_CODE) String, @MaxLength(Limits.APP_NAME) String> name,
            @MaxLength(Limits.CATEGORY) String category, Level effectiveLevel, Instant registeredAt)
            implements AppEvent {
    }

    /** The listing data of an app changed. */
    public record AppUpdated(UUID appId, @MaxLength(Limits.ORGANIZATION_ID) String organizationId,
            @MaxItems(Limits.LANGUAGES)
            Map<@MaxLength(Limits.LANGUAGE_CODE) String, @MaxLength(Limits.APP_NAME) String> name,
            @MaxLength(Limits.CATEGORY) String category, Level effectiveLevel, Instant updatedAt)
            implements AppEvent {
    }

    /** The app's effective level changed; {@code null} means "no level" (not listed). */
    public record AppLevelChanged(UUID appId, @MaxLength(Limits.ORGANIZATION_ID) String organizationId,
            Level fromLevel, Level effectiveLevel, @MaxLength(Limits.EVENT_ID) String causeEventId,
            @MaxLength(Limits.EVENT_TYPE) String causeEventType, Instant changedAt) implements AppEvent {
    }

    /**
     * A kind of change in a new app version that matters to an authority, and the level (the authority) it concerns:
     * intended purpose and device class FAMHP (M1); data flows, hosting and authentication the eHealth platform (M2).
     */
    public enum SignificantChange {
        INTENDED_PURPOSE(Level.M1),
        DEVICE_CLASS(Level.M1),
        DATA_FLOWS(Level.M2),
        HOSTING(Level.M2),
        AUTHENTICATION(Level.M2);

        private final Level concerns;

        SignificantChange(Level concerns) {
            this.concerns = concerns;
        }

        /** The level whose authority must re-assess an app version with this change. */
        public Level concerns() {
            return concerns;
        }

        /** The levels these changes concern, lowest first, each once. */
        public static List<Level> concerns(java.util.Collection<SignificantChange> changes) {
            return changes.stream().map(SignificantChange::concerns).distinct().sorted().toList();
        }
    }

    /** Why a vendor takes its app off the market: a public category (the vendor's own text stays private). */
    public enum MarketWithdrawalReason {
        DISCONTINUED, REPLACED_BY_SUCCESSOR, SAFETY, COMMERCIAL, OTHER
    }

    /**
     * The vendor declared a new version of the app with at least one significant change; {@code concerns} names the
     * levels whose authorities must re-assess it (the level services open a re-assessment where the app holds that
     * level). Nothing falls automatically. Versions without a significant change publish no event.
     */
    public record AppVersionDeclared(UUID appId, @MaxLength(Limits.ORGANIZATION_ID) String organizationId,
            Level effectiveLevel, UUID versionId, @MaxLength(Limits.APP_VERSION) String version, LocalDate releasedOn,
            @MaxItems(Limits.LANGUAGES)
            Map<@MaxLength(Limits.LANGUAGE_CODE) String, @MaxLength(Limits.RELEASE_NOTES) String> releaseNotes,
            @MaxItems(Limits.SIGNIFICANT_CHANGES) List<SignificantChange> significantChanges,
            @MaxItems(Limits.LEVELS) List<Level> concerns, Instant declaredAt) implements AppEvent {
    }

    /**
     * The vendor took the app off the market: every grant that was active ({@code endedGrants}) ended and the app
     * holds no level ({@code effectiveLevel} null; {@code fromLevel} is what it held). It never regains one; the level
     * services close its open dossiers. {@code reason} is the vendor's own text: for the authorities and the vendor,
     * never for the public (which sees {@code reasonCategory}).
     */
    public record AppWithdrawnFromMarket(UUID appId, @MaxLength(Limits.ORGANIZATION_ID) String organizationId,
            Level fromLevel, Level effectiveLevel, MarketWithdrawalReason reasonCategory,
            @MaxLength(Limits.REASON) String reason, @MaxItems(Limits.LEVELS) List<Level> endedGrants,
            Instant withdrawnAt) implements AppEvent {
    }
}
