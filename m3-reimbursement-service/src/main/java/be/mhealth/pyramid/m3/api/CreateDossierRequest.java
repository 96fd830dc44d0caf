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

@Schema(name = "CreateReimbursementDossier", description = "A reimbursement request for an app at level M2 or higher")
public record CreateDossierRequest(
        @NotNull UUID appId,
        @Schema(description = "the care process and indication, in nl, fr and en (de optional)")
        @NotNull Map<String, @NotBlank @Size(max = 4000) String> carePathway,
        @NotEmpty @Size(max = 50) List<@NotNull @Valid StudyDto> clinicalEvidence,
        @NotNull @Valid SocioEconomicEvidenceDto socioEconomicEvidence,
        @NotNull @Valid RequestedFinancingDto requestedFinancing) implements DossierContentDto {
}
