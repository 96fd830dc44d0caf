package be.mhealth.pyramid.m1.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.events.Limits;

@Schema(name = "M1ReasonRequest", description = "Why: a withdrawal or a revocation, kept in the history")
public record M1ReasonRequest(@NotBlank @Size(max = Limits.REASON) String reason) {
}
