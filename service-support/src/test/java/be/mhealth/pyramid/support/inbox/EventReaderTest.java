package be.mhealth.pyramid.support.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.AppEvent;
import be.mhealth.pyramid.events.EventEnvelope;
import be.mhealth.pyramid.events.EventJson;
import be.mhealth.pyramid.events.EventType;
import be.mhealth.pyramid.events.Limits;
import be.mhealth.pyramid.events.M1Events;

/** What the inbox accepts as an event of the contract, and what it says about the rest. */
class EventReaderTest {

    static final UUID APP = UUID.randomUUID();
    static final M1Events.M1Revoked REVOKED = new M1Events.M1Revoked(APP, UUID.randomUUID(), "suspended", "fiona",
            Instant.parse("2026-03-01T09:30:00Z"));

    static InboundRecord record(String topic, String key, String value, String... headers) {
        List<InboundRecord.Header> list = new ArrayList<>();
        for (int i = 0; i < headers.length; i += 2) {
            list.add(new InboundRecord.Header(headers[i],
                    headers[i + 1] == null ? null : headers[i + 1].getBytes(StandardCharsets.UTF_8)));
        }
        return new InboundRecord(topic, 0, 7, key, list, value);
    }

    static InboundRecord valid(String name, String value) {
        String[] headers = { "ce_specversion", "1.0", "ce_id", "e-1", "ce_type", EventType.M1_REVOKED.ceType(),
                "ce_source", "/m1-ce-service", "ce_time", "2026-03-01T09:30:00.123Z", "ce_subject", APP.toString() };
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equals(name)) {
                headers[i + 1] = value;
            }
        }
        return record("m1.decisions.v1", APP.toString(), EventJson.write(REVOKED), headers);
    }

    @Test
    void aRecordAsTheProducerWritesItIsRead() {
        EventEnvelope<AppEvent> event = EventReader.read(valid("none", null));
        assertThat(event.id()).isEqualTo("e-1");
        assertThat(event.type()).isEqualTo(EventType.M1_REVOKED);
        assertThat(event.source()).isEqualTo("/m1-ce-service");
        assertThat(event.time()).isEqualTo(OffsetDateTime.parse("2026-03-01T09:30:00.123Z"));
        assertThat(event.data()).isEqualTo(REVOKED);
    }

    @Test
    void everyBrokenHeaderIsNamed() {
        assertThatThrownBy(() -> EventReader.read(valid("ce_time", "2026-03-01 noon")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("ce_time '2026-03-01 noon'");
        assertThatThrownBy(() -> EventReader.read(valid("ce_time", null))).hasMessage("ce_time header is missing");
        assertThatThrownBy(() -> EventReader.read(valid("ce_id", " "))).hasMessageContaining("ce_id is missing");
        assertThatThrownBy(() -> EventReader.read(valid("ce_id", "x".repeat(Limits.EVENT_ID + 1))))
                .hasMessageContaining("longer than 100");
        assertThatThrownBy(() -> EventReader.read(valid("ce_id", "a\u0000b"))).hasMessageContaining("control");
        assertThatThrownBy(() -> EventReader.read(valid("ce_specversion", "0.3"))).hasMessageContaining("0.3");
        assertThatThrownBy(() -> EventReader.read(valid("ce_source", "/registry-service")))
                .hasMessageContaining("is not /m1-ce-service");
        assertThatThrownBy(() -> EventReader.read(valid("ce_type", EventType.M2_REVOKED.ceType())))
                .hasMessageContaining("belongs on m2.decisions.v1, not on m1.decisions.v1");
        assertThatThrownBy(() -> EventReader.read(valid("ce_type", "be.mhealth.pyramid.m1.lost.v1")))
                .hasMessageContaining("is not a type of the contract");
    }

    @Test
    void thePayloadMustBeReadableForTheKeysAppAndWithinTheLimits() {
        InboundRecord base = valid("none", null);
        assertThatThrownBy(() -> EventReader.read(new InboundRecord(base.topic(), 0, 7, base.key(), base.headers(),
                "{\"appId\": ")))
                .hasMessageContaining("unreadable payload");
        assertThatThrownBy(() -> EventReader.read(new InboundRecord(base.topic(), 0, 7, base.key(), base.headers(),
                null)))
                .hasMessageContaining("no value");
        assertThatThrownBy(() -> EventReader.read(new InboundRecord(base.topic(), 0, 7, "another", base.headers(),
                base.value())))
                .hasMessageContaining("is not the payload's appId");
        String tooLong = EventJson.write(new M1Events.M1Revoked(APP, UUID.randomUUID(), "r".repeat(2001), "fiona",
                Instant.now()));
        assertThatThrownBy(() -> EventReader.read(new InboundRecord(base.topic(), 0, 7, base.key(), base.headers(),
                tooLong)))
                .hasMessageContaining("reason: 2001 characters, at most 2000");
        assertThatThrownBy(() -> EventReader.read(new InboundRecord("elsewhere.v1", 0, 7, base.key(),
                base.headers(), base.value())))
                .hasMessageContaining("topic elsewhere.v1 is not in the contract");
    }

    @Test
    void headersAreStoredExactlyAndReadBackAsTheyCame() {
        List<InboundRecord.Header> headers = List.of(new InboundRecord.Header("ce_id", "e\u0000x".getBytes(
                StandardCharsets.UTF_8)), new InboundRecord.Header("binary", new byte[] { (byte) 0xff, 0 }),
                new InboundRecord.Header("empty", null), new InboundRecord.Header("ce_time", "now".getBytes(
                        StandardCharsets.UTF_8)));
        ParkedEvent parked = new ParkedEvent();
        parked.headers = ParkedEvent.headersJson(headers);
        assertThat(parked.headers).doesNotContain("\\u0000");
        List<InboundRecord.Header> back = parked.toRecord().headers();
        assertThat(back).hasSize(4);
        for (int i = 0; i < headers.size(); i++) {
            assertThat(back.get(i).name()).isEqualTo(headers.get(i).name());
            assertThat(back.get(i).value()).isEqualTo(headers.get(i).value());
        }
    }
}
