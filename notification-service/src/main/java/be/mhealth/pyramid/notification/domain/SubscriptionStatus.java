package be.mhealth.pyramid.notification.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ACTIVE subscriptions are delivered to; PAUSED ones queue their deliveries until they are resumed. */
@Schema(name = "WebhookSubscriptionStatus")
public enum SubscriptionStatus {
    ACTIVE, PAUSED
}
