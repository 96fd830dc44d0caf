package be.mhealth.pyramid.notification.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who a subscription belongs to: a vendor organization, or an authority (for its level). */
@Schema(name = "WebhookOwnerKind")
public enum OwnerKind {
    VENDOR, AUTHORITY
}
