package be.mhealth.pyramid.m3.api;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "M3SocioEconomicEvidence", requiredProperties = "budgetImpactPerYear")
public record M3SocioEconomicEvidence(
        @Schema(description = "Budget impact per year in EUR") @NotNull @DecimalMin("0")
        @Digits(integer = 12, fraction = 2) BigDecimal budgetImpactPerYear,
        @Schema(description = "Cost-effectiveness, where known (e.g. cost per QALY and its source)")
        @Size(max = 4000) String costEffectiveness) {
}
