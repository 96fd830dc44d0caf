package be.mhealth.pyramid.support.inbox;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import be.mhealth.pyramid.events.AppEvent;
import be.mhealth.pyramid.events.EventEnvelope;
import be.mhealth.pyramid.events.EventJson;
import be.mhealth.pyramid.events.EventType;
import be.mhealth.pyramid.events.Limits;
import be.mhealth.pyramid.events.Topic;

/**
 * Reads a record as the contract defines it, or says why it cannot be applied ({@link InvalidEventException}): a
 * CloudEvents 1.0 event in binary mode whose {@code ce_type} belongs on the record's topic, whose {@code ce_source} is
 * the topic's producer, with an id, a time, a readable payload for the app named by the record key, within the
 * contract's limits.
 */
public final class EventReader {

    static final String SPEC_VERSION = "1.0";

    private EventReader() {
    }

    public static EventEnvelope<AppEvent> read(InboundRecord record) {
        Topic topic = Topic.find(record.topic())
                .orElseThrow(() -> new InvalidEventException("topic " + record.topic() + " is not in the contract"));
        String specVersion = required(record, "ce_specversion");
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new InvalidEventException("ce_specversion '" + specVersion + "' is not " + SPEC_VERSION);
        }
        String id = eventId(record).orElseThrow(() -> new InvalidEventException(
                "ce_id is missing, blank, longer than " + Limits.EVENT_ID + " characters or has control characters"));
        String ceType = required(record, "ce_type");
        EventType type = EventType.byCeType(ceType).orElseThrow(() -> new InvalidEventException(
                "ce_type '" + ceType + "' is not a type of the contract"));
        if (type.topic() != topic) {
            throw new InvalidEventException("ce_type " + ceType + " belongs on " + type.topic().topicName()
                    + ", not on " + topic.topicName());
        }
        String source = required(record, "ce_source");
        if (!source.equals(topic.source())) {
            throw new InvalidEventException("ce_source '" + source + "' is not " + topic.source() + ", the producer of "
                    + topic.topicName());
        }
        String timeText = required(record, "ce_time");
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(timeText);
        } catch (DateTimeParseException e) {
            throw new InvalidEventException("ce_time '" + timeText + "' is not an RFC 3339 time", e);
        }
        if (record.value() == null) {
            throw new InvalidEventException("the record has no value (payload)");
        }
        AppEvent payload;
        try {
            payload = EventJson.read(record.value(), type);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("unreadable payload: " + e.getMessage(), e);
        }
        if (payload == null || payload.appId() == null || !payload.appId().toString().equals(record.key())) {
            throw new InvalidEventException("the record key '" + record.key() + "' is not the payload's appId "
                    + (payload == null ? null : payload.appId()));
        }
        List<Limits.Violation> violations = Limits.violations(payload);
        if (!violations.isEmpty()) {
            throw new InvalidEventException("breaks the contract's limits: " + violations);
        }
        String subject = record.header("ce_subject").orElse(record.key());
        return new EventEnvelope<>(id, type, source, subject, time, payload);
    }

    /** The record's {@code ce_id} when it is usable as an id: 1–100 characters, none of them a control character. */
    public static Optional<String> eventId(InboundRecord record) {
        return record.header("ce_id")
                .filter(id -> !id.isBlank() && id.length() <= Limits.EVENT_ID && id.chars().noneMatch(c -> c < 0x20));
    }

    private static String required(InboundRecord record, String header) {
        return record.header(header).filter(value -> !value.isBlank())
                .orElseThrow(() -> new InvalidEventException(header + " header is missing"));
    }
}
