package be.mhealth.pyramid.m3.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What NIHDI grants: a nomenclature code, an amount in EUR per {@code unit}, from {@code startDate}; a temporary
 * reimbursement also has an {@code endDate} (its last reimbursed day), a definitive one none.
 */
public record Grant(String nomenclatureCode, BigDecimal amount, FinancingUnit unit, LocalDate startDate,
        LocalDate endDate) {
}
