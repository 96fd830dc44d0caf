package be.mhealth.pyramid.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The contract's limits: where they are, and what the validator reports. */
class LimitsTest {

    static final UUID APP = UUID.randomUUID();
    static final Instant AT = Instant.parse("2026-03-01T09:30:00Z");

    /** A text, list, map or decimal without a limit would let a producer send what a consumer cannot store. */
    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyTextListMapAndDecimalOfEveryPayloadCarriesALimit(EventType type) {
        for (RecordComponent component : type.payloadType().getRecordComponents()) {
            Class<?> t = component.getType();
            String name = type.payloadType().getSimpleName() + "." + component.getName();
            if (t == String.class) {
                assertThat(component.getAnnotation(Limits.MaxLength.class)).as(name).isNotNull();
            } else if (t == BigDecimal.class) {
                assertThat(component.getAnnotation(Limits.MaxDigits.class)).as(name).isNotNull();
            } else if (List.class.isAssignableFrom(t) || Map.class.isAssignableFrom(t)) {
                assertThat(component.getAnnotation(Limits.MaxItems.class)).as(name).isNotNull();
                AnnotatedType[] arguments = ((AnnotatedParameterizedType) component.getAnnotatedType())
                        .getAnnotatedActualTypeArguments();
                for (AnnotatedType argument : arguments) {
                    assertThat(argument.getType() == String.class
                            ? argument.getAnnotation(Limits.MaxLength.class) : "not a text")
                            .as("%s element %s", name, argument).isNotNull();
                }
            } else {
                assertThat(t).as(name + " is an id, a time, a date or an enum")
                        .matches(c -> c == UUID.class || c == Instant.class || c == LocalDate.class || c.isEnum());
            }
        }
    }

    @Test
    void fieldsNameEveryLimitedPartIncludingListElementsMapKeysAndEnums() {
        assertThat(Limits.fields(M2Events.M2Granted.class)).extracting(Limits.Field::name, Limits.Field::kind,
                Limits.Field::max).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("M2Granted.criteriaMet", Limits.Kind.ITEMS, Limits.CRITERIA),
                        org.assertj.core.groups.Tuple.tuple("M2Granted.criteriaMet[]", Limits.Kind.LENGTH,
                                Limits.CRITERION),
                        org.assertj.core.groups.Tuple.tuple("M2Granted.decidedBy", Limits.Kind.LENGTH, Limits.ACTOR));
        assertThat(Limits.fields(RegistryEvents.AppRegistered.class)).extracting(Limits.Field::path)
                .contains("name", "name{key}", "name{}", "effectiveLevel");
        assertThat(Limits.fields(M3Events.M3Granted.class))
                .anySatisfy(f -> assertThat(f).isEqualTo(new Limits.Field(M3Events.M3Granted.class, "kind",
                        Limits.Kind.LENGTH, "DEFINITIVE".length(), 0)))
                .anySatisfy(f -> assertThat(f).isEqualTo(new Limits.Field(M3Events.M3Granted.class, "amount",
                        Limits.Kind.DIGITS, 12, 2)));
    }

    @Test
    void aReasonOfExactlyTheLimitPassesAndOneMoreCharacterIsReported() {
        assertThat(Limits.violations(new M1Events.M1Revoked(APP, APP, "r".repeat(Limits.REASON), "fiona", AT)))
                .isEmpty();
        assertThat(Limits.violations(new M1Events.M1Revoked(APP, APP, "r".repeat(Limits.REASON + 1), "fiona", AT)))
                .extracting(Limits.Violation::toString).containsExactly("reason: 2001 characters, at most 2000");
        assertThat(Limits.violations(new M1Events.M1Revoked(APP, APP, null, null, AT))).isEmpty();
    }

    @Test
    void listElementsMapKeysAndValuesAndAmountsAreChecked() {
        assertThat(Limits.violations(new M2Events.M2Granted(APP, APP,
                List.of("SECURITY", "X".repeat(Limits.CRITERION + 1)), "eric", AT)))
                .extracting(Limits.Violation::path).containsExactly("criteriaMet[]");
        assertThat(Limits.violations(new M2Events.M2Granted(APP, APP,
                Collections.nCopies(Limits.CRITERIA + 1, "SECURITY"), "eric", AT)))
                .extracting(Limits.Violation::path).containsExactly("criteriaMet");
        assertThat(Limits.violations(new RegistryEvents.AppRegistered(APP, "org",
                Map.of("nl", "n".repeat(Limits.APP_NAME + 1), "fra", "x"), "OTHER", null, AT)))
                .extracting(Limits.Violation::path).containsExactlyInAnyOrder("name{}", "name{key}");

        assertThat(Limits.violations(granted(new BigDecimal("999999999999.99")))).isEmpty();
        assertThat(Limits.violations(granted(new BigDecimal("12.500")))).as("trailing zeros are no precision")
                .isEmpty();
        assertThat(Limits.violations(granted(new BigDecimal("1000000000000")))).extracting(Limits.Violation::path)
                .containsExactly("amount");
        assertThat(Limits.violations(granted(new BigDecimal("0.125")))).extracting(Limits.Violation::path)
                .containsExactly("amount");
    }

    private static M3Events.M3Granted granted(BigDecimal amount) {
        return new M3Events.M3Granted(APP, APP, M3Events.ReimbursementKind.TEMPORARY, "789012", amount,
                "PER_PATIENT_PER_MONTH", LocalDate.now(), null, "nina", AT);
    }
}
