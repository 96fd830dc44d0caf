package be.mhealth.pyramid.m3.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.m3.domain.Decision;
import be.mhealth.pyramid.m3.domain.FinancingUnit;
import be.mhealth.pyramid.m3.domain.Outcome;

@Schema(name = "ReimbursementDecision", description = """
        One NIHDI step. Fields per outcome (others are refused with 422): \
        ADMISSIBLE (reason optional); INADMISSIBLE, EXTENSION (evaluation 180 → 270 days, once), \
        CLARIFICATION_REQUESTED (stops the evaluation clock, at most 30 days), DECLINED, END (ends an approved \
        reimbursement today): reason; APPROVED_TEMPORARY: nomenclatureCode, amount, unit, startDate, endDate \
        (the last reimbursed day); APPROVED_DEFINITIVE: nomenclatureCode, amount, unit, startDate.""")
public record DecisionRequest(
        @NotNull Outcome outcome,
        @Size(max = 4000) String reason,
        @Schema(description = "NIHDI nomenclature code (6 digits)", examples = "789012")
        @Pattern(regexp = "\\d{6}", message = "must be a 6-digit NIHDI nomenclature code") String nomenclatureCode,
        @Schema(description = "amount in EUR, at most 2 decimals") @DecimalMin("0")
        @Digits(integer = 12, fraction = 2) BigDecimal amount,
        FinancingUnit unit,
        LocalDate startDate,
        @Schema(description = "last reimbursed day of a temporary reimbursement") LocalDate endDate) {

    Decision toDomain() {
        return new Decision(outcome, reason, nomenclatureCode, amount, unit, startDate, endDate);
    }
}
