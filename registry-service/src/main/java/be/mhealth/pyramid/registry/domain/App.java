package be.mhealth.pyramid.registry.domain;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.RegistryEvents.MarketWithdrawalReason;

/** One app record: its listing data (owned by a vendor organization) and its effective level. */
@Entity
@Table(name = "app")
public class App {

    @Id
    public UUID id;

    @Column(name = "organization_id", nullable = false)
    public String organizationId;

    @Column(name = "name_nl", nullable = false)
    public String nameNl;
    @Column(name = "name_fr", nullable = false)
    public String nameFr;
    @Column(name = "name_en", nullable = false)
    public String nameEn;
    @Column(name = "name_de")
    public String nameDe;

    @Column(name = "summary_nl", nullable = false)
    public String summaryNl;
    @Column(name = "summary_fr", nullable = false)
    public String summaryFr;
    @Column(name = "summary_en", nullable = false)
    public String summaryEn;
    @Column(name = "summary_de")
    public String summaryDe;

    /** Language code → text; any of nl, fr, en, de. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, String> description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Category category;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "target_users", nullable = false, columnDefinition = "text[]")
    public String[] targetUsers;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] platforms;

    @Column(nullable = false)
    public String website;
    @Column(name = "app_store_url")
    public String appStoreUrl;
    @Column(name = "google_play_url")
    public String googlePlayUrl;

    @Column(name = "support_email", nullable = false)
    public String supportEmail;
    @Column(name = "support_phone")
    public String supportPhone;
    @Column(name = "support_url")
    public String supportUrl;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "supported_languages", nullable = false, columnDefinition = "text[]")
    public String[] supportedLanguages;

    /** Null: no level (a draft, or an app whose M1 lapsed); such an app is not listed. */
    @Enumerated(EnumType.STRING)
    @Column(name = "effective_level")
    public Level effectiveLevel;

    @Column(name = "level_since")
    public OffsetDateTime levelSince;

    /** Formerly listed and now without a level: since when and why (both null while listed or never listed). */
    @Column(name = "delisted_at")
    public OffsetDateTime delistedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "delisting_reason")
    public DelistingReason delistingReason;

    /** The latest version its vendor declared (null: none declared). */
    @Column(name = "current_version_id")
    public UUID currentVersionId;

    /** Taken off the market by its vendor: when, by whom, the public category and the vendor's private text. */
    @Column(name = "withdrawn_at")
    public OffsetDateTime withdrawnAt;
    @Column(name = "withdrawn_by")
    public String withdrawnBy;
    @Enumerated(EnumType.STRING)
    @Column(name = "withdrawal_category")
    public MarketWithdrawalReason withdrawalCategory;
    @Column(name = "withdrawal_reason")
    public String withdrawalReason;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "created_by", nullable = false)
    public String createdBy;
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    public boolean ownedBy(String organization) {
        return organizationId.equals(organization);
    }

    public boolean isListed() {
        return effectiveLevel != null;
    }

    /** Formerly listed, now without a level: its public record stays readable. */
    public boolean isDelisted() {
        return effectiveLevel == null && delistedAt != null;
    }

    /** Listed or formerly listed: readable by everyone. Apps that were never listed are their vendor's only. */
    public boolean isPublic() {
        return isListed() || isDelisted();
    }

    public boolean isWithdrawn() {
        return withdrawnAt != null;
    }

    /** Records a change of the effective level; a fall to none delists the app (with why), a rise relists it. */
    public void changeLevel(Level to, OffsetDateTime at, DelistingReason reasonIfDelisted) {
        boolean wasListed = isListed();
        effectiveLevel = to;
        levelSince = at;
        if (to == null && wasListed) {
            delistedAt = at;
            delistingReason = reasonIfDelisted;
        } else if (to != null) {
            delistedAt = null;
            delistingReason = null;
        }
    }

    /** The names by language code (nl, fr, en and, when given, de). */
    public Map<String, String> names() {
        return byLanguage(nameNl, nameFr, nameEn, nameDe);
    }

    public Map<String, String> summaries() {
        return byLanguage(summaryNl, summaryFr, summaryEn, summaryDe);
    }

    private static Map<String, String> byLanguage(String nl, String fr, String en, String de) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(Language.NL.code(), nl);
        map.put(Language.FR.code(), fr);
        map.put(Language.EN.code(), en);
        if (de != null) {
            map.put(Language.DE.code(), de);
        }
        return map;
    }

    /** The name in {@code language}; German falls back to English when the vendor gave none. */
    public String name(Language language) {
        return switch (language) {
            case NL -> nameNl;
            case FR -> nameFr;
            case EN -> nameEn;
            case DE -> nameDe != null ? nameDe : nameEn;
        };
    }

    public String summary(Language language) {
        return switch (language) {
            case NL -> summaryNl;
            case FR -> summaryFr;
            case EN -> summaryEn;
            case DE -> summaryDe != null ? summaryDe : summaryEn;
        };
    }

    /** The language {@link #name(Language)} and {@link #summary(Language)} actually answer in. */
    public Language textLanguage(Language requested) {
        return requested == Language.DE && nameDe == null ? Language.EN : requested;
    }
}
