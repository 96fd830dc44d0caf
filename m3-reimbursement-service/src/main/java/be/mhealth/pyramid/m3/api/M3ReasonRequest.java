package be.mhealth.pyramid.m3.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.events.Limits;

@Schema(name = "M3ReasonRequest", description = "Why: a withdrawal or a revocation, kept in the history",
        requiredProperties = "reason")
public record M3ReasonRequest(@NotBlank @Size(max = Limits.REASON) String reason) {

    static final String WITHDRAWAL_EXAMPLE = "{\"reason\": \"a larger study is under way; we will submit again\"}";
    static final String REVOCATION_EXAMPLE = "{\"reason\": \"replaced by a conventional care programme\"}";
}
