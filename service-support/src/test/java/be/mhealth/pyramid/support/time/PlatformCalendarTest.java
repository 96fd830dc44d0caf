package be.mhealth.pyramid.support.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class PlatformCalendarTest {

    @Test
    void aDayStartsAtMidnightInBrussels() {
        // Winter: Brussels is UTC+1.
        assertThat(PlatformCalendar.dayOf(Instant.parse("2026-12-02T22:59:59Z"))).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(PlatformCalendar.dayOf(Instant.parse("2026-12-02T23:00:00Z"))).isEqualTo(LocalDate.of(2026, 12, 3));
        // Summer: UTC+2.
        assertThat(PlatformCalendar.dayOf(Instant.parse("2026-07-01T21:59:59Z"))).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(PlatformCalendar.dayOf(Instant.parse("2026-07-01T22:00:00Z"))).isEqualTo(LocalDate.of(2026, 7, 2));
    }

    @Test
    void todayFollowsTheClocksInstantNotItsZone() {
        Clock utc = Clock.fixed(Instant.parse("2026-12-02T23:30:00Z"), ZoneOffset.UTC);
        assertThat(PlatformCalendar.today(utc)).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(PlatformCalendar.dayOf(OffsetDateTime.parse("2026-12-02T23:30:00Z"))).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(PlatformCalendar.dayOf((OffsetDateTime) null)).isNull();
    }
}
