package be.mhealth.pyramid.registry.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Calendar days the registry states publicly (release dates, delisting dates) are Belgian days. */
public final class RegistryTime {
    public static final ZoneId ZONE = ZoneId.of("Europe/Brussels");

    private RegistryTime() {
    }

    /** Today in Belgium by {@code clock} (the services' clocks run in UTC). */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /** The Belgian day of {@code at}; null stays null. */
    public static LocalDate dayOf(OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(ZONE).toLocalDate();
    }
}
