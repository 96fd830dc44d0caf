package be.mhealth.pyramid.m3.api;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.m3.domain.FinancingUnit;

@Schema(name = "M3RequestedFinancing", requiredProperties = { "amount", "unit", "months" })
public record M3RequestedFinancing(
        @Schema(description = "Amount in EUR, at most 2 decimals") @NotNull @DecimalMin("0")
        @Digits(integer = 12, fraction = 2) BigDecimal amount,
        @NotNull FinancingUnit unit,
        @Schema(description = "Months of financing requested") @NotNull @Positive @Max(600) Integer months) {
}
