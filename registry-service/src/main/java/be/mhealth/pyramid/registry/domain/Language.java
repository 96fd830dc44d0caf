package be.mhealth.pyramid.registry.domain;

import java.util.Locale;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The catalog's languages. nl, fr and en are required on every listing; de is optional. */
@Schema(name = "Language", description = "A catalog language (ISO 639-1)", type = SchemaType.STRING,
        enumeration = { "nl", "fr", "en", "de" })
public enum Language {
    NL, FR, EN, DE;

    /** The language used when the caller asks for none we serve. */
    public static final Language DEFAULT = EN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Language> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Language l : values()) {
            if (l.code().equalsIgnoreCase(code.trim())) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
