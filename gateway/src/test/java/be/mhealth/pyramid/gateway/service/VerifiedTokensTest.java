package be.mhealth.pyramid.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final VerifiedTokens.Caller PORTAL = new VerifiedTokens.Caller("service-account", "pyramid-portal");

    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-12-02T10:00:00Z"));

    @Test
    void aVerifiedTokenIsKnownUntilItsExpiryAndNotAtIt() {
        VerifiedTokens tokens = new VerifiedTokens(Duration.ofMinutes(5), 100, clock);
        tokens.put("Bearer a", PORTAL, clock.instant().plusSeconds(30).getEpochSecond());
        assertThat(tokens.get("Bearer a")).isEqualTo(PORTAL);
        assertThat(tokens.get("Bearer b")).isNull();
        clock.step(Duration.ofSeconds(29).plusMillis(999));
        assertThat(tokens.get("Bearer a")).isEqualTo(PORTAL);
        clock.step(Duration.ofMillis(1));
        assertThat(tokens.get("Bearer a")).isNull();
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterTheMaximumAge() {
        VerifiedTokens tokens = new VerifiedTokens(Duration.ofSeconds(60), 100, clock);
        tokens.put("Bearer a", PORTAL, clock.instant().plusSeconds(3600).getEpochSecond());
        clock.step(Duration.ofSeconds(59));
        assertThat(tokens.get("Bearer a")).isEqualTo(PORTAL);
        clock.step(Duration.ofSeconds(1));
        assertThat(tokens.get("Bearer a")).isNull();
    }

    @Test
    void anExpiredTokenIsNotKeptAndAZeroMaximumAgeKeepsNothing() {
        VerifiedTokens tokens = new VerifiedTokens(Duration.ofSeconds(60), 100, clock);
        tokens.put("Bearer old", PORTAL, clock.instant().getEpochSecond());
        assertThat(tokens.get("Bearer old")).isNull();

        VerifiedTokens off = new VerifiedTokens(Duration.ZERO, 100, clock);
        off.put("Bearer a", PORTAL, clock.instant().plusSeconds(300).getEpochSecond());
        assertThat(off.get("Bearer a")).isNull();
    }

    private static final class SteppingClock extends Clock {
        private Instant now;

        SteppingClock(Instant start) {
            now = start;
        }

        void step(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
