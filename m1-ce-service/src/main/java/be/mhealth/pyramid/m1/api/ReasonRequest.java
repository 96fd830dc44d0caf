package be.mhealth.pyramid.m1.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Why the transition is made")
public record ReasonRequest(@NotBlank @Size(max = 2000) String reason) {
}
