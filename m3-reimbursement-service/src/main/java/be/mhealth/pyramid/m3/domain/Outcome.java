package be.mhealth.pyramid.m3.domain;

import java.util.List;

/**
 * Every step NIHDI records with {@code POST .../decision}, with the fields it needs and may carry.
 * {@code END} ends an approved (temporary or definitive) reimbursement by a later decision.
 */
public enum Outcome {
    ADMISSIBLE(List.of(), List.of(Decision.REASON)),
    INADMISSIBLE(List.of(Decision.REASON), List.of()),
    EXTENSION(List.of(Decision.REASON), List.of()),
    CLARIFICATION_REQUESTED(List.of(Decision.REASON), List.of()),
    APPROVED_TEMPORARY(List.of(Decision.NOMENCLATURE_CODE, Decision.AMOUNT, Decision.UNIT, Decision.START_DATE,
            Decision.END_DATE), List.of(Decision.REASON)),
    APPROVED_DEFINITIVE(List.of(Decision.NOMENCLATURE_CODE, Decision.AMOUNT, Decision.UNIT, Decision.START_DATE),
            List.of(Decision.REASON)),
    DECLINED(List.of(Decision.REASON), List.of()),
    END(List.of(Decision.REASON), List.of());

    private final List<String> required;
    private final List<String> optional;

    Outcome(List<String> required, List<String> optional) {
        this.required = required;
        this.optional = optional;
    }

    public List<String> required() {
        return required;
    }

    public boolean uses(String field) {
        return required.contains(field) || optional.contains(field);
    }
}
