package be.mhealth.pyramid.support.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.events.Limits;

@Schema(name = "DiscardParkedEvent", description = "Why the event is discarded (recorded with who and when)")
public record DiscardRequest(@NotBlank @Size(max = Limits.REASON) String reason) {
}
