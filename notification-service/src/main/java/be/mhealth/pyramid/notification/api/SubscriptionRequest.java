package be.mhealth.pyramid.notification.api;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a subscription delivers, and where. */
@Schema(name = "WebhookSubscriptionRequest", requiredProperties = { "url", "events" })
public record SubscriptionRequest(
        @Schema(description = "The receiver: an absolute https URL (http only in local development)",
                example = "https://hooks.medisoft.be/pyramid")
        @NotBlank @Size(max = 2000) @WebhookUrl String url,
        @Schema(description = "Event types to receive (GET /api/v1/webhooks/event-types)",
                example = "[\"m1.granted\", \"registry.app.level-changed\"]")
        @NotEmpty @Size(max = 30) List<@NotNull @EventName String> events,
        @Schema(description = "A note for the owner", example = "Production ERP")
        @Size(max = 500) String description) {

    /** A request body as the OpenAPI document shows it. */
    static final String EXAMPLE = """
            {"url": "https://hooks.medisoft.be/pyramid",
             "events": ["m1.dossier-state-changed", "m1.granted", "registry.app.level-changed"],
             "description": "Production ERP"}""";
}
