package be.mhealth.pyramid.m2.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.events.Limits;

@Schema(name = "M2ReasonRequest", description = "Why: a withdrawal or a revocation, kept in the history",
        requiredProperties = "reason")
public record M2ReasonRequest(
        @Schema(example = "The app no longer exchanges data with care providers") @NotBlank @Size(max = Limits.REASON)
        String reason) {
}
