package be.mhealth.pyramid.m3.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The present moment (to the microsecond, as PostgreSQL keeps it) and the statutory calendar day it falls on
 * (procedure days count in NIHDI's zone).
 */
public record Now(Instant instant, LocalDate today) {

    public static Now of(Clock clock, ZoneId zone) {
        Instant instant = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return new Now(instant, LocalDate.ofInstant(instant, zone));
    }
}
