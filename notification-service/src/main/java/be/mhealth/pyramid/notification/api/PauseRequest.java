package be.mhealth.pyramid.notification.api;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookPauseRequest")
public record PauseRequest(@Schema(description = "Why (kept with the subscription)", example = "receiver maintenance")
        @Size(max = 2000) String reason) {
}
