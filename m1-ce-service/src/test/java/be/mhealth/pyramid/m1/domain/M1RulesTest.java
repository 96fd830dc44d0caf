package be.mhealth.pyramid.m1.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import be.mhealth.pyramid.support.problem.Problem.FieldError;
import be.mhealth.pyramid.support.problem.RuleViolationException;

/** What M1 evidence must satisfy; each broken rule names its field. */
class M1RulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    static M1Evidence evidence(Regulation regulation, DeviceClass deviceClass, String notifiedBody, String issuedOn,
            String expiresOn) {
        return new M1Evidence(new Certificate(regulation, deviceClass, notifiedBody, "CE-1", LocalDate.parse(issuedOn),
                LocalDate.parse(expiresOn), "05412345000013", Map.of("en", "x")), "BE-1",
                new GdprDeclaration("dpo@x.be", LegalBasis.CONSENT, DataArea.EU_EEA, null, null, "https://x.be"));
    }

    static List<String> brokenFields(M1Evidence evidence) {
        try {
            M1Rules.requireValidEvidence(evidence, TODAY);
            return List.of();
        } catch (RuleViolationException e) {
            return e.errors().stream().map(FieldError::field).toList();
        }
    }

    @ParameterizedTest(name = "{0} issued {1}, expiring {2}: {3}")
    @CsvSource({
            // an MDR certificate lasts at most five years
            "MDR, 2025-01-10, 2030-01-10, ",
            "MDR, 2025-01-10, 2030-01-11, certificate.expiresOn",
            "MDR, 2025-01-10, 9999-12-31, certificate.expiresOn",
            // MDR certificates exist from the MDR's entry into force on
            "MDR, 2017-05-24, 2021-01-01, certificate.issuedOn",
            "MDR, 2017-05-25, 2022-05-25, ",
            // MDD: five years, or until the end of 2028 under Regulation (EU) 2023/607; issued before 2021-05-26
            "MDD, 2019-02-01, 2028-12-31, ",
            "MDD, 2019-02-01, 2029-01-01, certificate.expiresOn",
            "MDD, 2021-05-26, 2026-05-26, certificate.issuedOn",
            // no CE certificate is older than the Medical Device Directive
            "MDD, 1993-06-13, 1998-06-13, certificate.issuedOn",
            "MDD, 0001-01-01, 0002-01-01, certificate.issuedOn",
            // order, and not in the future
            "MDR, 2025-01-10, 2025-01-10, certificate.expiresOn",
            "MDR, 2026-12-03, 2027-12-03, certificate.issuedOn" })
    void certificateDatesArePlausible(Regulation regulation, String issuedOn, String expiresOn, String broken) {
        List<String> fields = brokenFields(evidence(regulation, DeviceClass.IIa, "0123", issuedOn, expiresOn));
        if (broken == null) {
            assertThat(fields).isEmpty();
        } else {
            assertThat(fields).containsExactly(broken);
        }
    }

    @Test
    void theMessageSaysTheLatestPossibleExpiry() {
        assertThatThrownBy(() -> M1Rules.requireValidEvidence(evidence(Regulation.MDR, DeviceClass.IIa, "0123",
                "2025-01-10", "2035-01-10"), TODAY))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.errors().get(0).message())
                        .isEqualTo("an MDR certificate is valid for at most 5 years: at the latest 2030-01-10"));
    }

    @Test
    void aNotifiedBodyAboveClassIAndIrOnlyUnderTheMdr() {
        assertThat(brokenFields(evidence(Regulation.MDR, DeviceClass.IIb, null, "2025-01-10", "2028-01-10")))
                .containsExactly("certificate.notifiedBody");
        assertThat(brokenFields(evidence(Regulation.MDR, DeviceClass.I, null, "2025-01-10", "2028-01-10"))).isEmpty();
        assertThat(brokenFields(evidence(Regulation.MDD, DeviceClass.Ir, "0123", "2020-01-10", "2024-01-10")))
                .containsExactly("certificate.deviceClass");
    }

    @Test
    void anEarlierExpiryLiesBeforeTodayWithinTheTermOnRecord() {
        Certificate c = evidence(Regulation.MDR, DeviceClass.IIa, "0123", "2025-01-10", "2028-01-10").certificate();
        assertThatCode(() -> M1Rules.requireEarlierExpiry(c, TODAY.minusDays(1), TODAY)).doesNotThrowAnyException();
        for (LocalDate refused : List.of(TODAY, LocalDate.of(2025, 1, 9), LocalDate.of(2028, 1, 11))) {
            assertThatThrownBy(() -> M1Rules.requireEarlierExpiry(c, refused, TODAY))
                    .isInstanceOfSatisfying(RuleViolationException.class,
                            e -> assertThat(e.errors()).extracting(FieldError::field).containsOnly("expiredOn"));
        }
    }
}
