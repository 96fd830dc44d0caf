package be.mhealth.pyramid.m3.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.support.problem.Problem;
import be.mhealth.pyramid.support.problem.RuleViolationException;
import be.mhealth.pyramid.support.problem.StateConflictException;

class M3RulesTest {

    private static final LocalDate START = LocalDate.of(2027, 1, 1);

    static M3Evidence evidence(Map<String, String> carePathway, List<Study> studies) {
        return new M3Evidence(carePathway, studies, BigDecimal.ZERO, null, BigDecimal.ONE,
                FinancingUnit.PER_PATIENT_ONCE, 1);
    }

    static List<String> fields(Runnable check) {
        try {
            check.run();
            return List.of();
        } catch (RuleViolationException e) {
            return e.errors().stream().map(Problem.FieldError::field).toList();
        }
    }

    @Test
    void theCarePathwayNeedsDutchFrenchAndEnglishAndAtLeastOneStudy() {
        Study study = new Study(StudyDesign.RCT, 240, "HbA1c", "-0.5%", "10.1000/abc");
        assertThat(fields(() -> M3Rules.requireValidEvidence(evidence(Map.of("nl", "x", "en", " ", "es", "y"),
                List.of())))).containsExactly("carePathway.en", "carePathway.fr", "carePathway.es", "clinicalEvidence");
        assertThatCode(() -> M3Rules.requireValidEvidence(evidence(Map.of("nl", "x", "fr", "y", "en", "z", "de", "w"),
                List.of(study)))).doesNotThrowAnyException();
    }

    @Test
    void aTemporaryGrantEndsAfterItStartsAndADefinitiveOneNever() {
        Grant temporary = new Grant("789012", new BigDecimal("25.50"), FinancingUnit.PER_PATIENT_PER_MONTH, START,
                START.plusYears(2));
        assertThatCode(() -> M3Rules.requireValidGrant(temporary, true)).doesNotThrowAnyException();
        assertThat(fields(() -> M3Rules.requireValidGrant(temporary, false))).containsExactly("endDate");
        assertThat(fields(() -> M3Rules.requireValidGrant(new Grant("789012", BigDecimal.TEN,
                FinancingUnit.PER_PATIENT_ONCE, START, START), true))).containsExactly("endDate");
        assertThat(fields(() -> M3Rules.requireValidGrant(new Grant("789012", BigDecimal.TEN,
                FinancingUnit.PER_PATIENT_ONCE, START, null), true))).containsExactly("endDate");
        assertThatCode(() -> M3Rules.requireValidGrant(new Grant("789012", new BigDecimal("27.00"),
                FinancingUnit.PER_PATIENT_ONCE, START, null), false)).doesNotThrowAnyException();
    }

    @Test
    void aGrantNamesEveryMissingOrMalformedField() {
        assertThat(fields(() -> M3Rules.requireValidGrant(new Grant("12-34", null, null, null, null), false)))
                .containsExactly("nomenclatureCode", "amount", "unit", "startDate");
        assertThat(fields(() -> M3Rules.requireValidGrant(new Grant("789012", new BigDecimal("-1"),
                FinancingUnit.PER_PATIENT_ONCE, START, null), false))).containsExactly("amount");
        assertThat(fields(() -> M3Rules.requireValidGrant(new Grant("789012", new BigDecimal("1.005"),
                FinancingUnit.PER_PATIENT_ONCE, START, null), false))).containsExactly("amount");
    }

    @Test
    void aReasonIsTextAndTheEvaluationIsExtendedOnce() {
        assertThat(fields(() -> M3Rules.requireReason(" "))).containsExactly("reason");
        assertThat(fields(() -> M3Rules.requireReason(null))).containsExactly("reason");
        assertThatCode(() -> M3Rules.requireExtensible(M3Rules.EVALUATION_DAYS, M3DossierState.IN_EVALUATION))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> M3Rules.requireExtensible(M3Rules.EXTENDED_EVALUATION_DAYS,
                M3DossierState.IN_EVALUATION)).isInstanceOfSatisfying(StateConflictException.class,
                        e -> assertThat(e.slug()).isEqualTo("extension-used"));
    }
}
