package be.mhealth.pyramid.notification.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.notification.domain.Delivery;
import be.mhealth.pyramid.notification.domain.DeliveryStatus;

/** One entry of a subscription's delivery log. */
@Schema(name = "WebhookDelivery", requiredProperties = { "id", "type", "status", "attempts", "retryUntil",
        "createdAt" })
public record DeliveryView(
        @Schema(description = "Also the webhook-id header of every attempt") UUID id,
        @Schema(description = "The event type (webhook.ping for a test)", example = "m1.dossier-state-changed")
        String type,
        @Schema(description = "The platform event (CloudEvents id); absent for a test") String eventId,
        UUID appId, DeliveryStatus status, int attempts, OffsetDateTime lastAttemptAt,
        @Schema(description = "The receiver's HTTP status at the last attempt", example = "500")
        Integer lastResponseStatus,
        @Schema(description = "Why the last attempt failed") String lastError,
        @Schema(description = "When it is tried next (PENDING)") OffsetDateTime nextAttemptAt,
        @Schema(description = "Retried until then, then given up (FAILED)") OffsetDateTime retryUntil,
        OffsetDateTime deliveredAt, OffsetDateTime createdAt) {

    static DeliveryView of(Delivery d) {
        return new DeliveryView(d.id(), d.eventType(), d.eventId(), d.appId(), d.status(), d.attempts(),
                d.lastAttemptAt(), d.lastResponseStatus(), d.lastError(), d.nextAttemptAt(), d.retryUntil(),
                d.deliveredAt(), d.createdAt());
    }
}
