package be.mhealth.pyramid.m1.api;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.m1.domain.M1Evidence;

/** A dossier's evidence, as opened (POST) and replaced (PUT; {@code appId} cannot change). */
@Schema(name = "M1DossierRequest", description = "An M1 dossier's evidence")
public record M1DossierRequest(
        @Schema(description = "The registry app this dossier is for") @NotNull UUID appId,
        @NotNull @Valid M1Certificate certificate,
        @Schema(description = "The FAMHP notification number") @NotBlank @Size(max = 100) String famhpNotification,
        @NotNull @Valid M1GdprDeclaration gdpr) {

    public M1Evidence evidence() {
        return new M1Evidence(certificate.toDomain(), famhpNotification, gdpr.toDomain());
    }
}
