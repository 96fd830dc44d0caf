package be.mhealth.pyramid.registry.domain;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import be.mhealth.pyramid.events.EventType;
import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.M3Events.ReimbursementKind;

/**
 * The open data's texts (feed titles, causes, labels of categories, levels and criteria) in the catalog's languages,
 * from {@code opendata/texts*.properties}. Every key exists in every language ({@code OpenDataTextsTest}).
 */
public final class OpenDataTexts {

    private static final Map<Language, OpenDataTexts> BY_LANGUAGE = new EnumMap<>(Language.class);

    static {
        for (Language language : Language.values()) {
            BY_LANGUAGE.put(language, new OpenDataTexts(language));
        }
    }

    private final Language language;
    private final ResourceBundle bundle;

    private OpenDataTexts(Language language) {
        this.language = language;
        // No fallback to the JVM's default locale: English is the base bundle, the others override it.
        this.bundle = ResourceBundle.getBundle("opendata.texts", Locale.of(language.code()),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static OpenDataTexts of(Language language) {
        return BY_LANGUAGE.get(language);
    }

    public Language language() {
        return language;
    }

    /** The text of {@code key} with its arguments; an unknown key is a programming error. */
    public String text(String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), Locale.of(language.code())).format(arguments);
    }

    public boolean has(String key) {
        try {
            bundle.getString(key);
            return true;
        } catch (MissingResourceException e) {
            return false;
        }
    }

    public String category(Category category) {
        return text("category." + category.name());
    }

    public String level(Level level) {
        return level == null ? text("level.none") : text("level." + level.name());
    }

    /** A platform code's label (the same in every language: iOS, Android, Web); unknown codes as they are. */
    public String platform(String code) {
        return switch (code) {
            case "IOS" -> "iOS";
            case "ANDROID" -> "Android";
            case "WEB" -> "Web";
            default -> code;
        };
    }

    public String targetUser(String code) {
        return has("targetUser." + code) ? text("targetUser." + code) : code;
    }

    /** An M2 criterion's label; a criterion this version does not know keeps its code. */
    public String criterion(String code) {
        return has("criterion." + code) ? text("criterion." + code) : code;
    }

    public String kind(ReimbursementKind kind) {
        return kind == null ? "" : text("kind." + kind.name());
    }

    /** An entry's title: "{name} reached M2", "… went down from M3 to M1", "… lost its level M1". */
    public String changeTitle(String name, Level from, Level to) {
        if (to == null) {
            return text("entry.lost", name, from == null ? "" : from.name());
        }
        if (from != null && from.compareTo(to) > 0) {
            return text("entry.lowered", name, from.name(), to.name());
        }
        if (from == to) {
            return text("entry.changed", name, to.name());
        }
        return text("entry.reached", name, to.name());
    }

    /** What caused a level change, from the stored event type (never a person's name or a free-text reason). */
    public String cause(String ceType, LocalDate effectiveOn, ReimbursementKind kind) {
        EventType type = EventType.byCeType(ceType).orElse(null);
        if (type == null) {
            return text("cause.other");
        }
        return switch (type) {
            case M1_GRANTED -> text("cause.m1.granted");
            case M2_GRANTED -> text("cause.m2.granted");
            case M3_GRANTED -> kind == null ? text("cause.m3.granted") : text("cause.m3.granted." + kind.name());
            case M1_REVOKED -> text("cause.m1.revoked");
            case M2_REVOKED -> text("cause.m2.revoked");
            case M1_EXPIRED -> effectiveOn == null ? text("cause.m1.expired.undated")
                    : text("cause.m1.expired", effectiveOn.toString());
            case M3_ENDED -> effectiveOn == null ? text("cause.m3.ended.undated")
                    : text("cause.m3.ended", effectiveOn.toString());
            default -> text("cause.other");
        };
    }
}
