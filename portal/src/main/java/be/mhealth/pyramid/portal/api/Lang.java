package be.mhealth.pyramid.portal.api;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The portal's languages; every page lives under /nl/, /fr/ or /en/. */
public enum Lang {
    NL, FR, EN;

    public static final String COOKIE = "pyramid-lang";

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }

    public static Optional<Lang> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Lang l : values()) {
            if (l.code().equalsIgnoreCase(code.trim())) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** The first of the visitor's languages (RFC 9110 Accept-Language, by weight) that the portal speaks; else en. */
    public static Lang fromAcceptLanguage(String header) {
        if (header != null && !header.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                    String tag = range.getRange();
                    Optional<Lang> lang = of(tag.length() > 2 && tag.charAt(2) == '-' ? tag.substring(0, 2) : tag);
                    if (lang.isPresent() && range.getWeight() > 0) {
                        return lang.get();
                    }
                }
            } catch (IllegalArgumentException malformed) {
                // a malformed header counts as none
            }
        }
        return EN;
    }

    public static List<Lang> all() {
        return List.of(values());
    }
}
