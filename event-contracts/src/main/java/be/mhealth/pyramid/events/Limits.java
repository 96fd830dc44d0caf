package be.mhealth.pyramid.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every limit on a text or number that crosses a service boundary, defined once. Payload record components carry
 * them ({@link MaxLength}, {@link MaxItems}, {@link MaxDigits}); producing APIs validate their requests with the same
 * constants ({@code @Size(max = Limits.REASON)}), the outbox refuses a payload that breaks them, the inbox parks one,
 * and every consumer's storage holds them (each consumer has a test that compares its columns with
 * {@link #fields}).
 */
public final class Limits {

    /** Why a decision was taken (revocation, rejection, expiry, end…), as the authority wrote it. */
    public static final int REASON = 2000;
    /** Who decided: a Keycloak user name or client id (Keycloak allows 255 characters for both). */
    public static final int ACTOR = 255;
    /** A vendor's organization, from the token's {@code organization} claim. */
    public static final int ORGANIZATION_ID = 200;
    /** An app's name in one language. */
    public static final int APP_NAME = 120;
    /** A language code of a language map (nl, fr, en, de). */
    public static final int LANGUAGE_CODE = 2;
    /** Entries of a language map. */
    public static final int LANGUAGES = 4;
    /** A catalog category name. */
    public static final int CATEGORY = 40;
    /** A CE certificate number. */
    public static final int CERTIFICATE_NUMBER = 100;
    /** The regulation a CE certificate was issued under (MDR, MDD). */
    public static final int REGULATION = 60;
    /** A medical device class (I, Is, Im, Ir, IIa, IIb, III). */
    public static final int DEVICE_CLASS = 10;
    /** A notified body's number (four digits, NANDO). */
    public static final int NOTIFIED_BODY = 4;
    /** The data protection officer's contact: an e-mail address (RFC 5321 allows 320 characters). */
    public static final int DPO_CONTACT = 320;
    /** The GDPR article 6 legal basis of the processing (CONSENT, LEGITIMATE_INTERESTS …). */
    public static final int LEGAL_BASIS = 30;
    /** Where personal data is stored (EU_EEA, THIRD_COUNTRY). */
    public static final int DATA_AREA = 20;
    /** An ISO 3166-1 alpha-2 country code. */
    public static final int COUNTRY_CODE = 2;
    /** The GDPR chapter V ground of a transfer to a third country (STANDARD_CONTRACTUAL_CLAUSES …). */
    public static final int TRANSFER_MECHANISM = 40;
    /** A privacy policy's https URL. */
    public static final int PRIVACY_POLICY_URL = 2000;
    /** A NIHDI nomenclature code. */
    public static final int NOMENCLATURE_CODE = 20;
    /** What a reimbursed amount is paid for (PER_PATIENT_PER_MONTH …). */
    public static final int UNIT = 40;
    /** Digits of a reimbursed amount in EUR before the decimal point. */
    public static final int AMOUNT_INTEGER_DIGITS = 12;
    /** Digits of a reimbursed amount in EUR after the decimal point (cents). */
    public static final int AMOUNT_FRACTION_DIGITS = 2;
    /** M2 criteria met by one grant. */
    public static final int CRITERIA = 10;
    /** One M2 criterion's name. */
    public static final int CRITERION = 30;
    /** A dossier's state name (UPPER_SNAKE, e.g. {@code INFO_REQUESTED}). */
    public static final int DOSSIER_STATE = 40;
    /** A dossier's action name (UPPER_SNAKE, e.g. {@code REQUEST_INFO}). */
    public static final int DOSSIER_ACTION = 40;
    /** The kind of actor of a dossier's state change ({@code DossierEvents.ActedBy}). */
    public static final int ACTED_BY = 20;
    /** An app version as its vendor names it ({@code 2.4.1}, {@code 3.0.0-beta.2+build.77}). */
    public static final int APP_VERSION = 50;
    /** An app version's release notes in one language (the app stores' "What's new" allows 4,000). */
    public static final int RELEASE_NOTES = 4000;
    /** Levels named by one event (at most every level once). */
    public static final int LEVELS = 3;
    /** Significant-change kinds of one version (at most every kind once). */
    public static final int SIGNIFICANT_CHANGES = 5;
    /** The legal basis FAMHP names for extending a certificate's validity (e.g. Regulation (EU) 2023/607). */
    public static final int EXTENSION_LEGAL_BASIS = 300;
    /** A CloudEvents {@code id} ({@code ce_id}); also an event id a payload refers to. */
    public static final int EVENT_ID = 100;
    /** A CloudEvents {@code type} ({@code ce_type}). */
    public static final int EVENT_TYPE = 200;

    private Limits() {
    }

    /** At most {@code value} characters (UTF-16 units, as {@code @Size} counts them; never more code points). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
    public @interface MaxLength {
        int value();
    }

    /** At most {@code value} elements (a list) or entries (a map). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    public @interface MaxItems {
        int value();
    }

    /** A decimal with at most {@code integer} digits before the point and {@code fraction} after it. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    public @interface MaxDigits {
        int integer();

        int fraction();
    }

    /** What a limit bounds. */
    public enum Kind {
        /** characters of a text (an enum: its longest constant) */
        LENGTH,
        /** elements of a list or entries of a map */
        ITEMS,
        /** digits of a decimal */
        DIGITS
    }

    /**
     * One limited part of a payload. {@code path} is the component ({@code reason}), an element of a list
     * ({@code criteriaMet[]}), or the keys or values of a map ({@code name{key}}, {@code name{}}). For
     * {@link Kind#DIGITS}, {@code max} is the integer digits and {@code fraction} the fraction digits.
     */
    public record Field(Class<? extends AppEvent> payload, String path, Kind kind, int max, int fraction) {

        /** {@code M1Revoked.reason}: how tests and messages name it. */
        public String name() {
            return payload.getSimpleName() + "." + path;
        }
    }

    /** One broken limit of a payload. */
    public record Violation(String path, String message) {
        @Override
        public String toString() {
            return path + ": " + message;
        }
    }

    /** Every limited part of a payload type, in component order; enums count as texts of their longest constant. */
    public static List<Field> fields(Class<? extends AppEvent> payload) {
        List<Field> fields = new ArrayList<>();
        for (RecordComponent component : payload.getRecordComponents()) {
            String name = component.getName();
            Class<?> type = component.getType();
            MaxLength length = component.getAnnotation(MaxLength.class);
            MaxItems items = component.getAnnotation(MaxItems.class);
            MaxDigits digits = component.getAnnotation(MaxDigits.class);
            if (length != null) {
                fields.add(new Field(payload, name, Kind.LENGTH, length.value(), 0));
            }
            if (type.isEnum()) {
                fields.add(new Field(payload, name, Kind.LENGTH, longestConstant(type), 0));
            }
            if (items != null) {
                fields.add(new Field(payload, name, Kind.ITEMS, items.value(), 0));
            }
            if (digits != null) {
                fields.add(new Field(payload, name, Kind.DIGITS, digits.integer(), digits.fraction()));
            }
            AnnotatedType[] arguments = component.getAnnotatedType() instanceof AnnotatedParameterizedType p
                    ? p.getAnnotatedActualTypeArguments() : new AnnotatedType[0];
            if (Collection.class.isAssignableFrom(type) && arguments.length == 1) {
                elementLimit(arguments[0]).ifPresent(max -> fields.add(new Field(payload, name + "[]", Kind.LENGTH,
                        max, 0)));
            }
            if (Map.class.isAssignableFrom(type) && arguments.length == 2) {
                elementLimit(arguments[0]).ifPresent(max -> fields.add(new Field(payload, name + "{key}",
                        Kind.LENGTH, max, 0)));
                elementLimit(arguments[1]).ifPresent(max -> fields.add(new Field(payload, name + "{}", Kind.LENGTH,
                        max, 0)));
            }
        }
        return fields;
    }

    /** Every limit {@code payload} breaks; empty when it honours the contract. */
    public static List<Violation> violations(AppEvent payload) {
        List<Violation> violations = new ArrayList<>();
        for (Field field : fields(payload.getClass())) {
            String component = field.path().replaceAll("[\\[{].*$", "");
            Object value = valueOf(payload, component);
            if (value == null) {
                continue;
            }
            switch (field.kind()) {
                case LENGTH -> texts(field.path(), value).forEach(text -> {
                    if (text != null && text.length() > field.max()) {
                        violations.add(new Violation(field.path(), text.length() + " characters, at most "
                                + field.max()));
                    }
                });
                case ITEMS -> {
                    int size = value instanceof Map<?, ?> map ? map.size() : ((Collection<?>) value).size();
                    if (size > field.max()) {
                        violations.add(new Violation(field.path(), size + " items, at most " + field.max()));
                    }
                }
                case DIGITS -> {
                    BigDecimal amount = (BigDecimal) value;
                    int fraction = Math.max(0, amount.stripTrailingZeros().scale());
                    int integer = Math.max(0, amount.precision() - amount.scale());
                    if (fraction > field.fraction() || integer > field.max()) {
                        violations.add(new Violation(field.path(), amount.toPlainString() + " has more than "
                                + field.max() + " integer or " + field.fraction() + " fraction digits"));
                    }
                }
            }
        }
        return violations;
    }

    private static List<String> texts(String path, Object value) {
        if (path.endsWith("{key}")) {
            return ((Map<?, ?>) value).keySet().stream().map(Limits::text).toList();
        }
        if (path.endsWith("{}")) {
            return ((Map<?, ?>) value).values().stream().map(Limits::text).toList();
        }
        if (path.endsWith("[]")) {
            return ((Collection<?>) value).stream().map(Limits::text).toList();
        }
        return List.of(text(value));
    }

    private static String text(Object value) {
        return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
    }

    private static Optional<Integer> elementLimit(AnnotatedType type) {
        MaxLength length = type.getAnnotation(MaxLength.class);
        if (length != null) {
            return Optional.of(length.value());
        }
        if (type.getType() instanceof Class<?> c && c.isEnum()) {
            return Optional.of(longestConstant(c));
        }
        return Optional.empty();
    }

    private static int longestConstant(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).mapToInt(c -> ((Enum<?>) c).name().length()).max()
                .orElse(0);
    }

    private static Object valueOf(AppEvent payload, String component) {
        try {
            for (RecordComponent c : payload.getClass().getRecordComponents()) {
                if (c.getName().equals(component)) {
                    return c.getAccessor().invoke(payload);
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + payload.getClass().getSimpleName() + "." + component, e);
        }
        throw new IllegalArgumentException("no component " + component);
    }
}
