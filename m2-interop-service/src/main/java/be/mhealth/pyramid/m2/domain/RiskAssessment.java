package be.mhealth.pyramid.m2.domain;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The vendor's answers to the online risk assessment; {@link CriteriaRules} derives the required criteria. */
@Schema(name = "M2RiskAssessment", description = "Answers to the M2 risk assessment; every answer is required.")
public record RiskAssessment(
        @NotNull @Schema(required = true, example = "true", description = "Does the app process personal health data?")
        Boolean processesHealthData,
        @NotNull @Schema(required = true, example = "true", description = "Does the app identify patients?")
        Boolean identifiesPatient,
        @NotNull @Schema(required = true, example = "true", description = "Does the app exchange data with care providers or their EHRs?")
        Boolean exchangesWithCareProviders,
        @NotNull @Schema(required = true, example = "true", description = "Does the app send data to third parties?")
        Boolean sendsDataToThirdParties,
        @NotNull @Schema(required = true, example = "true", description = "Does the app authenticate care providers?")
        Boolean authenticatesCareProviders) {
}
