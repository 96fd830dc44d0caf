package be.mhealth.pyramid.notification.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One message to one subscription, and the log of its delivery. Its id is the {@code webhook-id} of every attempt;
 * {@code body} is exactly what is signed and sent. Rows are written and worked by the repository's SQL (the queue);
 * this mapping is for reading them.
 */
@Entity
@Table(name = "delivery")
public class Delivery {

    @Id
    private UUID id;

    /** Queue order: an app's later delivery to a subscription waits until the earlier ones are done. */
    @Column(insertable = false, updatable = false)
    private long sequence;

    @Column(name = "subscription_id", nullable = false)
    private UUID subscriptionId;

    /** The CloudEvents id of the event delivered; null for a ping. */
    @Column(name = "event_id")
    private String eventId;

    @Column(name = "event_type", nullable = false)
    private String eventType;

    @Column(name = "app_id")
    private UUID appId;

    @Column(nullable = false)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeliveryStatus status;

    private int attempts;

    @Column(name = "next_attempt_at")
    private OffsetDateTime nextAttemptAt;

    @Column(name = "retry_until", nullable = false)
    private OffsetDateTime retryUntil;

    @Column(name = "last_attempt_at")
    private OffsetDateTime lastAttemptAt;

    @Column(name = "last_response_status")
    private Integer lastResponseStatus;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "delivered_at")
    private OffsetDateTime deliveredAt;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected Delivery() {
    }

    public UUID id() {
        return id;
    }

    public long sequence() {
        return sequence;
    }

    public UUID subscriptionId() {
        return subscriptionId;
    }

    public String eventId() {
        return eventId;
    }

    public String eventType() {
        return eventType;
    }

    public UUID appId() {
        return appId;
    }

    public String body() {
        return body;
    }

    public DeliveryStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public OffsetDateTime nextAttemptAt() {
        return nextAttemptAt;
    }

    public OffsetDateTime retryUntil() {
        return retryUntil;
    }

    public OffsetDateTime lastAttemptAt() {
        return lastAttemptAt;
    }

    public Integer lastResponseStatus() {
        return lastResponseStatus;
    }

    public String lastError() {
        return lastError;
    }

    public OffsetDateTime deliveredAt() {
        return deliveredAt;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
