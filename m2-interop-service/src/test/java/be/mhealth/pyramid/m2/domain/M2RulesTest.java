package be.mhealth.pyramid.m2.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.support.problem.RuleViolationException;
import be.mhealth.pyramid.support.problem.StateConflictException;

class M2RulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    private static final List<Criterion> REQUIRED = List.of(Criterion.IDENTIFICATION, Criterion.SECURITY);

    private static String fieldOf(Throwable e) {
        return ((RuleViolationException) e).errors().get(0).field();
    }

    @Test
    void aResultIsForARequiredCriterionTestedNotInTheFutureNorBeforeTheCurrentOne() {
        assertThatCode(() -> M2Rules.requireRecordable(REQUIRED, Criterion.SECURITY, TODAY, null, TODAY))
                .doesNotThrowAnyException();
        assertThatCode(() -> M2Rules.requireRecordable(REQUIRED, Criterion.SECURITY, TODAY, TODAY, TODAY))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> M2Rules.requireRecordable(REQUIRED, Criterion.RELATIONSHIP, TODAY, null, TODAY))
                .isInstanceOf(RuleViolationException.class).satisfies(e -> assertThat(fieldOf(e)).isEqualTo("criterion"))
                .hasMessageContaining("IDENTIFICATION");
        assertThatThrownBy(() -> M2Rules.requireRecordable(REQUIRED, Criterion.SECURITY, TODAY.plusDays(1), null,
                TODAY)).satisfies(e -> assertThat(fieldOf(e)).isEqualTo("testedOn"));
        assertThatThrownBy(() -> M2Rules.requireRecordable(REQUIRED, Criterion.SECURITY, TODAY.minusDays(2),
                TODAY.minusDays(1), TODAY)).satisfies(e -> assertThat(fieldOf(e)).isEqualTo("testedOn"))
                .hasMessageContaining(TODAY.minusDays(1).toString());
    }

    @Test
    void anApprovalNeedsACurrentPassForEveryRequiredCriterion() {
        assertThat(M2Rules.missingPasses(REQUIRED, Map.of(Criterion.SECURITY, TestOutcome.FAIL)))
                .containsExactly("IDENTIFICATION (no result)", "SECURITY (FAIL)");
        assertThat(M2Rules.missingPasses(REQUIRED, Map.of(Criterion.SECURITY, TestOutcome.PASS,
                Criterion.IDENTIFICATION, TestOutcome.PASS, Criterion.RELATIONSHIP, TestOutcome.FAIL))).isEmpty();
        assertThatThrownBy(() -> M2Rules.requireGrantable(REQUIRED, Map.of(), M2DossierState.IN_REVIEW))
                .isInstanceOfSatisfying(StateConflictException.class,
                        e -> assertThat(e.currentState()).isEqualTo("IN_REVIEW"))
                .hasMessageContaining("SECURITY (no result)");
    }
}
