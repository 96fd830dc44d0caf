package be.mhealth.pyramid.registry.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeSet;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.M3Events.ReimbursementKind;
import be.mhealth.pyramid.events.RegistryEvents.MarketWithdrawalReason;

/**
 * The public labels (categories, platforms, target users, levels, authorities, topics, M2 criteria, reasons, the
 * grants' codes) in nl, fr and en, from {@code labels/labels*.properties}; German is served in English. Every key
 * exists in every language and every constant of {@link #VOCABULARIES} has a label ({@code LabelsTest}).
 */
public final class Labels {

    /** The enums labelled under each key prefix ({@code category.CARDIOLOGY}), in the order the API lists them. */
    public static final Map<String, Class<? extends Enum<?>>> VOCABULARIES;

    static {
        Map<String, Class<? extends Enum<?>>> v = new LinkedHashMap<>();
        v.put("level", Level.class);
        v.put("category", Category.class);
        v.put("platform", Platform.class);
        v.put("targetUser", TargetUser.class);
        v.put("authority", Authority.class);
        v.put("topicStatus", TopicStatus.class);
        v.put("delistingReason", DelistingReason.class);
        v.put("marketWithdrawalReason", MarketWithdrawalReason.class);
        v.put("reimbursementKind", ReimbursementKind.class);
        v.put("reimbursementUnit", GrantCodes.ReimbursementUnit.class);
        v.put("regulation", GrantCodes.Regulation.class);
        v.put("legalBasis", GrantCodes.LegalBasis.class);
        v.put("dataArea", GrantCodes.DataArea.class);
        v.put("transferMechanism", GrantCodes.TransferMechanism.class);
        VOCABULARIES = Collections.unmodifiableMap(v);
    }

    private static final Map<Language, Labels> BY_LANGUAGE = new EnumMap<>(Language.class);

    static {
        for (Language language : Language.values()) {
            BY_LANGUAGE.put(language, new Labels(language == Language.DE ? Language.EN : language));
        }
    }

    private final Language language;
    private final Locale locale;
    private final ResourceBundle bundle;
    private final String fingerprint;

    private Labels(Language language) {
        this.language = language;
        this.locale = Locale.of(language.code(), "BE");
        // English is the base bundle; no fallback to the JVM's default locale.
        this.bundle = ResourceBundle.getBundle("labels.labels", Locale.of(language.code()),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.fingerprint = fingerprint(bundle);
    }

    /** The labels for {@code language} (German: the English ones; {@link #language()} says which). */
    public static Labels of(Language language) {
        return BY_LANGUAGE.get(language);
    }

    /** The language the labels are in. */
    public Language language() {
        return language;
    }

    /** A short hash of every key and text: moves whenever a label changes (an ETag part). */
    public String fingerprint() {
        return fingerprint;
    }

    /** The text of {@code key} with its arguments; an unknown key is a programming error. */
    public String text(String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The label of {@code code} in a vocabulary ({@code prefix}); a code this version does not know as it is. */
    public String label(String prefix, String code) {
        if (code == null) {
            return null;
        }
        return has(prefix + "." + code) ? text(prefix + "." + code) : code;
    }

    /** Every label of a vocabulary, by code, in declaration order. */
    public Map<String, String> vocabulary(String prefix) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Enum<?> constant : VOCABULARIES.get(prefix).getEnumConstants()) {
            labels.put(constant.name(), label(prefix, constant.name()));
        }
        return labels;
    }

    public String category(Category category) {
        return category == null ? null : label("category", category.name());
    }

    public String level(Level level) {
        return level == null ? null : label("level", level.name());
    }

    public String platform(String code) {
        return label("platform", code);
    }

    public String targetUser(String code) {
        return label("targetUser", code);
    }

    public String authority(Authority authority) {
        return label("authority", authority.name());
    }

    public String topic(Topic topic) {
        return text("topic." + topic.key());
    }

    public String status(TopicStatus status) {
        return label("topicStatus", status.name());
    }

    /** An M2 criterion's label; a code this version does not know keeps its code. */
    public String criterion(String code) {
        return label("criterion", code);
    }

    /** An M2 criterion's one-line explanation; null for a code this version does not know. */
    public String criterionExplanation(String code) {
        return has("criterion." + code + ".explanation") ? text("criterion." + code + ".explanation") : null;
    }

    /** A country's name in the language (ISO 3166-1 alpha-2, by the JDK's locale data); unknown codes as they are. */
    public String country(String code) {
        if (code == null) {
            return null;
        }
        String name = Locale.of("", code).getDisplayCountry(locale);
        return name.isBlank() ? code : name;
    }

    /** An amount in euros as written in the language ({@code € 25,50}, {@code 25,50 €}, {@code €25.50}). */
    public String euros(BigDecimal amount) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance("EUR"));
        return format.format(amount);
    }

    /** A day as written in the language ({@code 1 april 2026}, {@code 1 avril 2026}, {@code 1 April 2026}). */
    public String day(LocalDate day) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(day);
    }

    private static String fingerprint(ResourceBundle bundle) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String key : new TreeSet<>(bundle.keySet())) {
                digest.update((key + "=" + bundle.getString(key) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
