package be.mhealth.pyramid.m3.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One NIHDI step as requested; which fields must be present depends on the {@link Outcome}. */
public record Decision(Outcome outcome, String reason, String nomenclatureCode, BigDecimal amount,
        FinancingUnit unit, LocalDate startDate, LocalDate endDate) {

    public static final String REASON = "reason";
    public static final String NOMENCLATURE_CODE = "nomenclatureCode";
    public static final String AMOUNT = "amount";
    public static final String UNIT = "unit";
    public static final String START_DATE = "startDate";
    public static final String END_DATE = "endDate";

    static final String[] FIELDS = { REASON, NOMENCLATURE_CODE, AMOUNT, UNIT, START_DATE, END_DATE };

    Object field(String name) {
        return switch (name) {
            case REASON -> reason == null || reason.isBlank() ? null : reason;
            case NOMENCLATURE_CODE -> nomenclatureCode;
            case AMOUNT -> amount;
            case UNIT -> unit;
            case START_DATE -> startDate;
            case END_DATE -> endDate;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
