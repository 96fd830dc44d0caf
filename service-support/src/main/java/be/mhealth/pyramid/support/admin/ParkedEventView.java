package be.mhealth.pyramid.support.admin;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.support.inbox.ParkedEvent;
import be.mhealth.pyramid.support.inbox.ParkedEventStatus;

/** A parked or held event as operators see it: the record as it arrived, why it failed, and how it was resolved. */
@Schema(name = "ParkedEvent")
public record ParkedEventView(
        long id,
        @Schema(description = "PARKED: could not be applied; HELD: waits behind the first unresolved event of its app; "
                + "APPLIED: applied on retry or released; DISCARDED: an operator discarded it") ParkedEventStatus status,
        String topic,
        int partition,
        long offset,
        @Schema(description = "the record key (the app id)") String key,
        @Schema(description = "ce_id as received") String eventId,
        @Schema(description = "ce_type as received") String eventType,
        @Schema(description = "every record header; value as text, or base64 when it is not UTF-8 text")
        List<ParkedEvent.StoredHeader> headers,
        @Schema(description = "the record value as received") String payload,
        @Schema(description = "why it could not be applied (absent while it is only held)") Error error,
        @Schema(description = "how often applying it was tried") int attempts,
        OffsetDateTime firstSeenAt,
        OffsetDateTime lastSeenAt,
        @Schema(description = "for a HELD event: the parked event it waits behind") Long blockedBy,
        OffsetDateTime resolvedAt,
        @Schema(description = "the operator who retried, released or discarded it") String resolvedBy,
        String discardReason) {

    @Schema(name = "ParkedEventError")
    public record Error(@Schema(description = "the exception class") String type, String message) {
    }

    static ParkedEventView of(ParkedEvent e) {
        return new ParkedEventView(e.id, e.status, e.topic, e.partition, e.offset, e.key, e.eventId, e.eventType,
                e.storedHeaders(), e.payloadText(), e.errorClass == null ? null : new Error(e.errorClass,
                        e.errorMessage), e.attempts, e.firstSeenAt, e.lastSeenAt, e.blockedBy, e.resolvedAt,
                e.resolvedBy, e.discardReason);
    }
}
