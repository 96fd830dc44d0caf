package be.mhealth.pyramid.support.inbox;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A record this service could not apply (PARKED), or a later record of the same app held behind one (HELD), as it
 * arrived: topic, partition, offset, key, every header and the value's bytes; with the error, the attempts, when it
 * was first and last seen, and how an operator resolved it. Rows are inserted by {@link ParkedEvents} with native SQL
 * (idempotent per topic, partition and offset).
 */
@Entity
@Table(name = "parked_event")
public class ParkedEvent {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One header as stored: text when it is valid UTF-8 without NUL, else base64. */
    public record StoredHeader(String name, String value, String base64) {
    }

    @Id
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ParkedEventStatus status;

    @Column(nullable = false)
    public String topic;

    @Column(name = "kafka_partition", nullable = false)
    public int partition;

    @Column(name = "kafka_offset", nullable = false)
    public long offset;

    @Column(name = "record_key")
    public String key;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String headers;

    public byte[] payload;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "error_class")
    public String errorClass;

    @Column(name = "error_message")
    public String errorMessage;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "blocked_by")
    public Long blockedBy;

    @Column(name = "first_seen_at", nullable = false)
    public OffsetDateTime firstSeenAt;

    @Column(name = "last_seen_at", nullable = false)
    public OffsetDateTime lastSeenAt;

    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;

    @Column(name = "resolved_by")
    public String resolvedBy;

    @Column(name = "discard_reason")
    public String discardReason;

    public List<StoredHeader> storedHeaders() {
        try {
            return JSON.readValue(headers, new TypeReference<List<StoredHeader>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("parked event " + id + " has unreadable headers", e);
        }
    }

    /** The payload as the consumer read it (UTF-8). */
    public String payloadText() {
        return payload == null ? null : new String(payload, StandardCharsets.UTF_8);
    }

    /** The record again, to apply it. */
    public InboundRecord toRecord() {
        List<InboundRecord.Header> raw = new ArrayList<>();
        for (StoredHeader h : storedHeaders()) {
            byte[] value = h.base64() != null ? Base64.getDecoder().decode(h.base64())
                    : h.value() == null ? null : h.value().getBytes(StandardCharsets.UTF_8);
            raw.add(new InboundRecord.Header(h.name(), value));
        }
        return new InboundRecord(topic, partition, offset, key, List.copyOf(raw), payloadText());
    }

    static String headersJson(List<InboundRecord.Header> headers) {
        List<StoredHeader> stored = new ArrayList<>();
        for (InboundRecord.Header h : headers) {
            String name = Texts.storable(h.name());
            if (h.value() == null) {
                stored.add(new StoredHeader(name, null, null));
                continue;
            }
            String text = new String(h.value(), StandardCharsets.UTF_8);
            boolean exact = text.indexOf('\0') < 0 && java.util.Arrays.equals(text.getBytes(StandardCharsets.UTF_8),
                    h.value());
            stored.add(exact ? new StoredHeader(name, text, null)
                    : new StoredHeader(name, null, Base64.getEncoder().encodeToString(h.value())));
        }
        try {
            return JSON.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write headers", e);
        }
    }

    void fail(Throwable failure, OffsetDateTime now) {
        Throwable telling = Failures.telling(failure);
        errorClass = telling.getClass().getName();
        errorMessage = Texts.storable(String.valueOf(telling.getMessage()), 4000);
        attempts++;
        lastSeenAt = now;
    }
}
