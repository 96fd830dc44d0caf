package be.mhealth.pyramid.notification.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** PENDING until the receiver answered 2xx (SUCCEEDED) or the retries ran out (FAILED); a replay makes it PENDING. */
@Schema(name = "WebhookDeliveryStatus")
public enum DeliveryStatus {
    PENDING, SUCCEEDED, FAILED
}
