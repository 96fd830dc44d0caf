package be.mhealth.pyramid.m2.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import be.mhealth.pyramid.support.problem.RuleViolationException;
import be.mhealth.pyramid.support.problem.StateConflictException;

/**
 * What M2 evidence must satisfy. The criteria a risk assessment requires are {@link CriteriaRules}' table; here: what
 * a test centre's result must be (422 naming the field) and what an approval needs (a current PASS for every
 * required criterion, else 409 {@code criteria-not-passed}). Shape rules (required fields, lengths) are bean
 * validation on the request (400).
 */
public final class M2Rules {

    private M2Rules() {
    }

    /**
     * A result for {@code criterion} tested on {@code testedOn}: the criterion is one the dossier requires, the test
     * is not in the future, and not before the date of the criterion's current result ({@code currentTestedOn},
     * null when none) — only a later test supersedes it.
     */
    public static void requireRecordable(List<Criterion> required, Criterion criterion, LocalDate testedOn,
            LocalDate currentTestedOn, LocalDate today) {
        if (!required.contains(criterion)) {
            throw new RuleViolationException("criterion", criterion + " is not required for this dossier;"
                    + " required: " + required);
        }
        if (testedOn.isAfter(today)) {
            throw new RuleViolationException("testedOn", "must not be in the future");
        }
        if (currentTestedOn != null && testedOn.isBefore(currentTestedOn)) {
            throw new RuleViolationException("testedOn", "is before the current result's test date "
                    + currentTestedOn + "; only a later test supersedes it");
        }
    }

    /** The required criteria without a current PASS, each with why ("SECURITY (FAIL)", "IDENTIFICATION (no result)"). */
    public static List<String> missingPasses(List<Criterion> required, Map<Criterion, TestOutcome> current) {
        return required.stream()
                .filter(c -> current.get(c) != TestOutcome.PASS)
                .map(c -> c + (current.get(c) == null ? " (no result)" : " (" + current.get(c) + ")"))
                .toList();
    }

    /** An approval needs a current PASS for every required criterion: 409 {@code criteria-not-passed} otherwise. */
    public static void requireGrantable(List<Criterion> required, Map<Criterion, TestOutcome> current,
            M2DossierState state) {
        List<String> missing = missingPasses(required, current);
        if (!missing.isEmpty()) {
            throw new StateConflictException("criteria-not-passed",
                    "cannot approve: every required criterion needs a current PASS; missing: "
                            + String.join(", ", missing),
                    state.name());
        }
    }
}
