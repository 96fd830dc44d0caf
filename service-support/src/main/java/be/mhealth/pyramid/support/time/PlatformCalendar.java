package be.mhealth.pyramid.support.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The platform's calendar, the same in every service. Clocks and stored moments are in UTC; the days the platform
 * decides on and states (a certificate's last valid day, "not in the future", expiry warnings and re-assessment due
 * dates, release and delisting dates, NIHDI's procedure days) are days in Belgium, where its authorities, vendors and
 * patients live. In the hour or two before Belgian midnight the UTC day is still the day before.
 */
public final class PlatformCalendar {

    public static final ZoneId ZONE = ZoneId.of("Europe/Brussels");

    private PlatformCalendar() {
    }

    /** Today in Belgium by {@code clock}. */
    public static LocalDate today(Clock clock) {
        return dayOf(clock.instant());
    }

    /** The Belgian day of {@code at}; null stays null. */
    public static LocalDate dayOf(Instant at) {
        return at == null ? null : LocalDate.ofInstant(at, ZONE);
    }

    /** The Belgian day of {@code at}; null stays null. */
    public static LocalDate dayOf(OffsetDateTime at) {
        return at == null ? null : dayOf(at.toInstant());
    }
}
