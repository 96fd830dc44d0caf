package be.mhealth.pyramid.m3.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import be.mhealth.pyramid.support.problem.Problem;
import be.mhealth.pyramid.support.problem.RuleViolationException;
import be.mhealth.pyramid.support.problem.StateConflictException;

/**
 * What M3's evidence must satisfy and what NIHDI's steps need, beyond the request's shape: 422
 * ({@link RuleViolationException}) naming the field, or 409 for a step the procedure allows only once.
 */
public final class M3Rules {

    /** The portals' languages; {@code de} is optional. */
    public static final List<String> REQUIRED_LANGUAGES = List.of("en", "fr", "nl");
    public static final Set<String> LANGUAGES = Set.of("nl", "fr", "en", "de");

    public static final int ADMISSIBILITY_DAYS = 30;
    public static final int EVALUATION_DAYS = 180;
    public static final int EXTENDED_EVALUATION_DAYS = 270;
    public static final int CLARIFICATION_MAX_DAYS = 30;

    private M3Rules() {
    }

    /** The care pathway in nl, fr and en (de optional), no other language. */
    public static void requireValidEvidence(M3Evidence evidence) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (String language : REQUIRED_LANGUAGES) {
            String text = evidence.carePathway().get(language);
            if (text == null || text.isBlank()) {
                errors.add(new Problem.FieldError("carePathway." + language, "required in nl, fr and en"));
            }
        }
        evidence.carePathway().keySet().stream().filter(l -> !LANGUAGES.contains(l)).sorted().forEach(l -> errors.add(
                new Problem.FieldError("carePathway." + l, "unsupported language; use nl, fr, en or de")));
        if (evidence.clinicalEvidence().isEmpty()) {
            errors.add(new Problem.FieldError("clinicalEvidence", "at least one study is required"));
        }
        throwIfAny(errors);
    }

    /** A step that must say why (inadmissibility, extension, clarification, decline, revocation, withdrawal). */
    public static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolationException("reason", "required");
        }
    }

    /** The evaluation can be extended once (409 {@code extension-used} the second time). */
    public static void requireExtensible(int evaluationDays, M3DossierState state) {
        if (evaluationDays >= EXTENDED_EVALUATION_DAYS) {
            throw new StateConflictException("extension-used", "the evaluation was already extended to "
                    + EXTENDED_EVALUATION_DAYS + " days; it can be extended once", state.name());
        }
    }

    /**
     * A grant: every field but {@code endDate} present, an amount of at least 0 with at most 2 decimals; a temporary
     * one ends (last reimbursed day) after it starts, a definitive one has no end.
     */
    public static void requireValidGrant(Grant grant, boolean temporary) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (grant.nomenclatureCode() == null || !grant.nomenclatureCode().matches("\\d{6}")) {
            errors.add(new Problem.FieldError("nomenclatureCode", "must be a 6-digit NIHDI nomenclature code"));
        }
        BigDecimal amount = grant.amount();
        if (amount == null) {
            errors.add(new Problem.FieldError("amount", "required"));
        } else if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2) {
            errors.add(new Problem.FieldError("amount", "must be at least 0 with at most 2 decimals"));
        }
        if (grant.unit() == null) {
            errors.add(new Problem.FieldError("unit", "required"));
        }
        if (grant.startDate() == null) {
            errors.add(new Problem.FieldError("startDate", "required"));
        }
        if (temporary && grant.endDate() == null) {
            errors.add(new Problem.FieldError("endDate", "required for a temporary reimbursement"));
        } else if (temporary && grant.startDate() != null && !grant.endDate().isAfter(grant.startDate())) {
            errors.add(new Problem.FieldError("endDate", "must be after startDate"));
        } else if (!temporary && grant.endDate() != null) {
            errors.add(new Problem.FieldError("endDate", "a definitive reimbursement has no end date"));
        }
        throwIfAny(errors);
    }

    private static void throwIfAny(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new RuleViolationException(errors);
        }
    }
}
