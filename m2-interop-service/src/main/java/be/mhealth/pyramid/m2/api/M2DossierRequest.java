package be.mhealth.pyramid.m2.api;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.m2.domain.RiskAssessment;

/** A dossier's risk assessment, as opened (POST) and replaced (PUT; {@code appId} cannot change). */
@Schema(name = "M2DossierRequest", description = "An M2 dossier's risk assessment, for one app",
        requiredProperties = { "appId", "riskAssessment" })
public record M2DossierRequest(
        @Schema(description = "The registry app this dossier is for (the caller's organization's, at M1 or higher)",
                example = "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f") @NotNull UUID appId,
        @NotNull @Valid RiskAssessment riskAssessment) {
}
