package be.mhealth.pyramid.m1.api;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The content of a dossier, as created (POST) and replaced (PUT; {@code appId} cannot change). */
@Schema(description = "An M1 dossier's content")
public record DossierRequest(
        @Schema(description = "The registry app this dossier is for") @NotNull UUID appId,
        @NotNull @Valid CertificateData certificate,
        @Schema(description = "The FAMHP notification number") @NotBlank @Size(max = 100) String famhpNotification,
        @NotNull @Valid GdprData gdpr) {
}
