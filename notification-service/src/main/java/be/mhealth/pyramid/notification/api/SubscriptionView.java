package be.mhealth.pyramid.notification.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.notification.domain.Audience;
import be.mhealth.pyramid.notification.domain.OwnerKind;
import be.mhealth.pyramid.notification.domain.Subscription;
import be.mhealth.pyramid.notification.domain.SubscriptionStatus;

/** A subscription as its owner and operators see it; {@code secret} is present only in the creation's answer. */
@Schema(name = "WebhookSubscription", requiredProperties = { "id", "url", "events", "status", "owner", "createdAt",
        "updatedAt", "version" })
public record SubscriptionView(UUID id,
        @Schema(example = "https://hooks.medisoft.be/pyramid") String url,
        @Schema(example = "[\"m1.dossier-state-changed\", \"m1.granted\"]") List<String> events, String description,
        SubscriptionStatus status, Owner owner,
        @Schema(description = "When and why it was paused (automatically after a day of failed deliveries, or by "
                + "hand); absent while ACTIVE") Pause pause,
        OffsetDateTime createdAt, OffsetDateTime updatedAt, long version,
        @Schema(description = "The signing secret (Standard Webhooks, whsec_<base64>): shown once, at creation")
        String secret) {

    /** Whose it is: a vendor organization, or an authority for its level. */
    @Schema(name = "WebhookOwner", requiredProperties = "kind")
    public record Owner(OwnerKind kind, String organizationId, String authority, Level level) {
        static Owner of(Audience audience) {
            return audience.isVendor() ? new Owner(OwnerKind.VENDOR, audience.owner(), null, null)
                    : new Owner(OwnerKind.AUTHORITY, null, audience.owner(), audience.level());
        }
    }

    @Schema(name = "WebhookPause", requiredProperties = { "at", "automatic" })
    public record Pause(OffsetDateTime at, String reason, boolean automatic) {
    }

    static SubscriptionView of(Subscription s) {
        return of(s, null);
    }

    static SubscriptionView of(Subscription s, String secret) {
        Pause pause = s.status() == SubscriptionStatus.PAUSED
                ? new Pause(s.pausedAt(), s.pauseReason(), s.pausedAutomatically()) : null;
        return new SubscriptionView(s.id(), s.url(), s.events(), s.description(), s.status(),
                Owner.of(s.audience()), pause, s.createdAt(), s.updatedAt(), s.version(), secret);
    }
}
