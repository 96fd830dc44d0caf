package be.mhealth.pyramid.m3.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.m3.domain.M3Evidence;

/** A dossier's evidence, as opened (POST) and replaced (PUT; {@code appId} cannot change). */
@Schema(name = "M3DossierRequest", description = "A reimbursement request for an app at level M2 or higher",
        requiredProperties = { "appId", "carePathway", "clinicalEvidence", "socioEconomicEvidence",
                "requestedFinancing" })
public record M3DossierRequest(
        @Schema(description = "The registry app this dossier is for") @NotNull UUID appId,
        @Schema(description = "The care process and indication, in nl, fr and en (de optional)")
        @NotNull Map<String, @NotBlank @Size(max = 4000) String> carePathway,
        @NotEmpty @Size(max = 50) List<@NotNull @Valid M3Study> clinicalEvidence,
        @NotNull @Valid M3SocioEconomicEvidence socioEconomicEvidence,
        @NotNull @Valid M3RequestedFinancing requestedFinancing) {

    /** An example body for the OpenAPI document. */
    static final String EXAMPLE = """
            {"appId": "3f1c7a52-5d7e-4e1b-9a57-0d8c6f4b2a10",
             "carePathway": {"nl": "Opvolging van hartfalen thuis", "fr": "Suivi de l'insuffisance cardiaque à domicile",
                             "en": "Home follow-up of heart failure"},
             "clinicalEvidence": [{"design": "RCT", "patients": 412, "primaryOutcome": "readmissions within 90 days",
                                   "result": "-23 %", "reference": "10.1000/hf.2025.17"}],
             "socioEconomicEvidence": {"budgetImpactPerYear": 850000.00, "costEffectiveness": "EUR 9,500 per QALY"},
             "requestedFinancing": {"amount": 35.00, "unit": "PER_PATIENT_PER_MONTH", "months": 24}}""";

    public M3Evidence evidence() {
        return new M3Evidence(carePathway, clinicalEvidence.stream().map(M3Study::toDomain).toList(),
                socioEconomicEvidence.budgetImpactPerYear(), socioEconomicEvidence.costEffectiveness(),
                requestedFinancing.amount(), requestedFinancing.unit(), requestedFinancing.months());
    }
}
