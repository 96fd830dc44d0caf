package be.mhealth.pyramid.m3.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import be.mhealth.pyramid.events.Limits;
import be.mhealth.pyramid.m3.domain.FinancingUnit;
import be.mhealth.pyramid.m3.domain.Grant;
import be.mhealth.pyramid.m3.service.M3DossierService.Decision;

/**
 * One NIHDI step on a dossier; {@code outcome} says which, and which fields it has. The aggregate checks the same
 * rules again ({@code M3Rules}): a reason where one is required, a valid grant for an approval.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "outcome")
@JsonSubTypes({
        @JsonSubTypes.Type(value = M3DecisionRequest.Admissible.class, name = "ADMISSIBLE"),
        @JsonSubTypes.Type(value = M3DecisionRequest.Inadmissible.class, name = "INADMISSIBLE"),
        @JsonSubTypes.Type(value = M3DecisionRequest.Extension.class, name = "EXTENSION"),
        @JsonSubTypes.Type(value = M3DecisionRequest.ClarificationRequested.class, name = "CLARIFICATION_REQUESTED"),
        @JsonSubTypes.Type(value = M3DecisionRequest.ApprovedTemporary.class, name = "APPROVED_TEMPORARY"),
        @JsonSubTypes.Type(value = M3DecisionRequest.ApprovedDefinitive.class, name = "APPROVED_DEFINITIVE"),
        @JsonSubTypes.Type(value = M3DecisionRequest.Declined.class, name = "DECLINED") })
@Schema(name = "M3DecisionRequest", description = "NIHDI's step; the fields depend on outcome",
        oneOf = { M3DecisionRequest.Admissible.class, M3DecisionRequest.Inadmissible.class,
                M3DecisionRequest.Extension.class, M3DecisionRequest.ClarificationRequested.class,
                M3DecisionRequest.ApprovedTemporary.class, M3DecisionRequest.ApprovedDefinitive.class,
                M3DecisionRequest.Declined.class },
        discriminatorProperty = "outcome", discriminatorMapping = {
                @DiscriminatorMapping(value = "ADMISSIBLE", schema = M3DecisionRequest.Admissible.class),
                @DiscriminatorMapping(value = "INADMISSIBLE", schema = M3DecisionRequest.Inadmissible.class),
                @DiscriminatorMapping(value = "EXTENSION", schema = M3DecisionRequest.Extension.class),
                @DiscriminatorMapping(value = "CLARIFICATION_REQUESTED",
                        schema = M3DecisionRequest.ClarificationRequested.class),
                @DiscriminatorMapping(value = "APPROVED_TEMPORARY", schema = M3DecisionRequest.ApprovedTemporary.class),
                @DiscriminatorMapping(value = "APPROVED_DEFINITIVE",
                        schema = M3DecisionRequest.ApprovedDefinitive.class),
                @DiscriminatorMapping(value = "DECLINED", schema = M3DecisionRequest.Declined.class) })
public sealed interface M3DecisionRequest {

    String EXAMPLE = """
            {"outcome": "APPROVED_TEMPORARY", "nomenclatureCode": "789012", "amount": 35.00,
             "unit": "PER_PATIENT_PER_MONTH", "startDate": "2027-01-01", "endDate": "2028-12-31",
             "reason": "promising evidence; a definitive decision after two years of real-world data"}""";

    String reason();

    /** What the service does. */
    @JsonIgnore
    Decision decision();

    @Schema(name = "M3Admission", description = "outcome ADMISSIBLE: the evaluation clock starts (180 days)",
            properties = @SchemaProperty(name = "outcome", type = SchemaType.STRING, enumeration = "ADMISSIBLE"),
            requiredProperties = "outcome")
    record Admissible(@Schema(description = "Optional") @Size(max = Limits.REASON) String reason)
            implements M3DecisionRequest {
        @Override
        public Decision decision() {
            return new Decision.Admissible(reason);
        }
    }

    @Schema(name = "M3Inadmissibility", description = "outcome INADMISSIBLE: closes the dossier; a reason is required",
            properties = @SchemaProperty(name = "outcome", type = SchemaType.STRING, enumeration = "INADMISSIBLE"),
            requiredProperties = { "outcome", "reason" })
    record Inadmissible(@NotBlank @Size(max = Limits.REASON) String reason) implements M3DecisionRequest {
        @Override
        public Decision decision() {
            return new Decision.Inadmissible(reason);
        }
    }

    @Schema(name = "M3Extension", description = "outcome EXTENSION: the evaluation runs 270 days instead of 180, "
            + "once; a reason is required",
            properties = @SchemaProperty(name = "outcome", type = SchemaType.STRING, enumeration = "EXTENSION"),
            requiredProperties = { "outcome", "reason" })
    record Extension(@NotBlank @Size(max = Limits.REASON) String reason) implements M3DecisionRequest {
        @Override
        public Decision decision() {
            return new Decision.Extension(reason);
        }
    }

    @Schema(name = "M3ClarificationRequest", description = "outcome CLARIFICATION_REQUESTED: the question to the "
            + "vendor; the evaluation clock stops (at most 30 days)",
            properties = @SchemaProperty(name = "outcome", type = SchemaType.STRING,
                    enumeration = "CLARIFICATION_REQUESTED"),
            requiredProperties = { "outcome", "reason" })
    record ClarificationRequested(@Schema(description = "The question") @NotBlank @Size(max = Limits.REASON)
            String reason) implements M3DecisionRequest {
        @Override
        public Decision decision() {
            return new Decision.ClarificationRequest(reason);
        }
    }

    @Schema(name = "M3TemporaryApproval", description = "outcome APPROVED_TEMPORARY (\"M3 light\"): publishes "
            + "m3.granted TEMPORARY; the app must still stand at M2",
            properties = @SchemaProperty(name = "outcome", type = SchemaType.STRING, enumeration = "APPROVED_TEMPORARY"),
            requiredProperties = { "outcome", "nomenclatureCode", "amount", "unit", "startDate", "endDate" })
    record ApprovedTemporary(
            @Schema(description = "NIHDI nomenclature code (6 digits)", example = "789012") @NotNull
            @Pattern(regexp = "\\d{6}", message = "must be a 6-digit NIHDI nomenclature code") String nomenclatureCode,
            @Schema(description = "Amount in EUR, at most 2 decimals") @NotNull @DecimalMin("0")
            @Digits(integer = Limits.AMOUNT_INTEGER_DIGITS, fraction = Limits.AMOUNT_FRACTION_DIGITS) BigDecimal amount,
            @NotNull FinancingUnit unit,
            @NotNull LocalDate startDate,
            @Schema(description = "The last reimbursed day; after startDate") @NotNull LocalDate endDate,
            @Schema(description = "Optional") @Size(max = Limits.REASON) String reason) implements M3DecisionRequest {
        @Override
        public Decision decision() {
            return new Decision.TemporaryApproval(new Grant(nomenclatureCode, amount, unit, startDate, endDate),
                    reason);
        }
    }

    @Schema(name = "M3DefinitiveApproval", description = "outcome APPROVED_DEFINITIVE (\"M3 plus\"), also after a "
            + "temporary one: publishes m3.granted DEFINITIVE; no end date; the app must still stand at M2",
            properties = @SchemaProperty(name = "outcome", type = SchemaType.STRING,
                    enumeration = "APPROVED_DEFINITIVE"),
            requiredProperties = { "outcome", "nomenclatureCode", "amount", "unit", "startDate" })
    record ApprovedDefinitive(
            @Schema(description = "NIHDI nomenclature code (6 digits)", example = "789012") @NotNull
            @Pattern(regexp = "\\d{6}", message = "must be a 6-digit NIHDI nomenclature code") String nomenclatureCode,
            @Schema(description = "Amount in EUR, at most 2 decimals") @NotNull @DecimalMin("0")
            @Digits(integer = Limits.AMOUNT_INTEGER_DIGITS, fraction = Limits.AMOUNT_FRACTION_DIGITS) BigDecimal amount,
            @NotNull FinancingUnit unit,
            @NotNull LocalDate startDate,
            @Schema(description = "Optional") @Size(max = Limits.REASON) String reason) implements M3DecisionRequest {
        @Override
        public Decision decision() {
            return new Decision.DefinitiveApproval(new Grant(nomenclatureCode, amount, unit, startDate, null),
                    reason);
        }
    }

    @Schema(name = "M3Decline", description = "outcome DECLINED: refuses reimbursement (m3.declined); a reason is "
            + "required",
            properties = @SchemaProperty(name = "outcome", type = SchemaType.STRING, enumeration = "DECLINED"),
            requiredProperties = { "outcome", "reason" })
    record Declined(@NotBlank @Size(max = Limits.REASON) String reason) implements M3DecisionRequest {
        @Override
        public Decision decision() {
            return new Decision.Decline(reason);
        }
    }
}
