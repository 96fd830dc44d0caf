package be.mhealth.pyramid.support.outbox;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.Limits;
import be.mhealth.pyramid.events.M1Events;
import be.mhealth.pyramid.support.PyramidConfig;

/** The outbox refuses a payload that breaks the contract's limits: a consumer could not store it. */
class OutboxContractTest {

    @Test
    void aPayloadBeyondALimitIsRefusedBeforeItIsWritten() {
        Outbox outbox = new Outbox(null, null, null, Clock.systemUTC(), config("m1-ce-service"));
        M1Events.M1Revoked tooLong = new M1Events.M1Revoked(UUID.randomUUID(), UUID.randomUUID(),
                "r".repeat(Limits.REASON + 1), "fiona", Instant.now());

        assertThatThrownBy(() -> outbox.publish(tooLong)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("be.mhealth.pyramid.m1.revoked.v1 breaks the event contract's limits")
                .hasMessageContaining("reason: 2001 characters, at most 2000");
    }

    static PyramidConfig config(String serviceName) {
        return new PyramidConfig() {
            @Override
            public String serviceName() {
                return serviceName;
            }

            @Override
            public String serviceSegment() {
                return "m1";
            }

            @Override
            public Outbox outbox() {
                return null;
            }

            @Override
            public Kafka kafka() {
                return null;
            }

            @Override
            public Inbox inbox() {
                return null;
            }

            @Override
            public Retention retention() {
                return null;
            }

            @Override
            public Duration appCopyWait() {
                return Duration.ZERO;
            }
        };
    }
}
