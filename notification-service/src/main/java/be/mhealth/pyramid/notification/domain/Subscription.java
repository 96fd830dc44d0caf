package be.mhealth.pyramid.notification.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import be.mhealth.pyramid.events.Level;

/**
 * A webhook subscription: where to deliver ({@code url}), which event types, for whom ({@link Audience}), signed with
 * a secret kept encrypted. Paused by its owner or an operator, or automatically after a day of failed deliveries;
 * resumed by hand. Changed by its owner only ({@code version} is the ETag).
 */
@Entity
@Table(name = "subscription")
public class Subscription {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(name = "owner_kind", nullable = false)
    private OwnerKind ownerKind;

    @Column(nullable = false)
    private String owner;

    @Enumerated(EnumType.STRING)
    private Level level;

    @Column(nullable = false)
    private String url;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private String[] events;

    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SubscriptionStatus status;

    /** The signing secret, encrypted ({@code SecretCipher}); never shown after creation. */
    @Column(name = "secret_ciphertext", nullable = false)
    private String secretCiphertext;

    @Column(name = "paused_at")
    private OffsetDateTime pausedAt;

    @Column(name = "pause_reason")
    private String pauseReason;

    /** Who paused it: {@code SYSTEM} (automatically), else the user or client. Never shown in responses. */
    @Column(name = "paused_by")
    private String pausedBy;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected Subscription() {
    }

    public Subscription(UUID id, Audience audience, String url, List<String> events, String description,
            String secretCiphertext, String createdBy, OffsetDateTime now) {
        this.id = id;
        this.ownerKind = audience.kind();
        this.owner = audience.owner();
        this.level = audience.level();
        this.status = SubscriptionStatus.ACTIVE;
        this.secretCiphertext = secretCiphertext;
        this.createdBy = createdBy;
        this.createdAt = now;
        change(url, events, description, now);
    }

    /** Replaces where and what is delivered; the secret and the status stay. */
    public void change(String newUrl, List<String> newEvents, String newDescription, OffsetDateTime now) {
        this.url = newUrl;
        this.events = newEvents.toArray(String[]::new);
        this.description = newDescription;
        this.updatedAt = now;
    }

    /** Pauses (a paused subscription stays paused with its first reason). */
    public void pause(String reason, String by, OffsetDateTime now) {
        if (status == SubscriptionStatus.PAUSED) {
            return;
        }
        status = SubscriptionStatus.PAUSED;
        pausedAt = now;
        pauseReason = reason;
        pausedBy = by;
        updatedAt = now;
    }

    public void resume(OffsetDateTime now) {
        if (status == SubscriptionStatus.ACTIVE) {
            return;
        }
        status = SubscriptionStatus.ACTIVE;
        pausedAt = null;
        pauseReason = null;
        pausedBy = null;
        updatedAt = now;
    }

    public Audience audience() {
        return new Audience(ownerKind, owner, level);
    }

    public boolean ownedBy(Audience audience) {
        return audience().equals(audience);
    }

    public UUID id() {
        return id;
    }

    public String url() {
        return url;
    }

    public List<String> events() {
        return List.of(events);
    }

    public String description() {
        return description;
    }

    public SubscriptionStatus status() {
        return status;
    }

    public String secretCiphertext() {
        return secretCiphertext;
    }

    public OffsetDateTime pausedAt() {
        return pausedAt;
    }

    public String pauseReason() {
        return pauseReason;
    }

    /** True when the service paused it (a day of failed deliveries), false when a person or system did. */
    public boolean pausedAutomatically() {
        return SYSTEM.equals(pausedBy);
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }

    /** {@code paused_by} of an automatic pause. */
    public static final String SYSTEM = "SYSTEM";
}
