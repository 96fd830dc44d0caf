package be.mhealth.pyramid.events;

import java.time.OffsetDateTime;

/**
 * One CloudEvents 1.0 event as the platform sees it. On Kafka the attributes travel as {@code ce_*}
 * headers (binary mode) and {@code data} as the JSON record value; {@code subject} is the app id, which
 * is also the record key.
 */
public record EventEnvelope<T extends AppEvent>(String id, EventType type, String source, String subject,
        OffsetDateTime time, T data) {

    public static final String DATA_CONTENT_TYPE = "application/json";
}
