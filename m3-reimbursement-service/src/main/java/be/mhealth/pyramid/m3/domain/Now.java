package be.mhealth.pyramid.m3.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import be.mhealth.pyramid.support.time.PlatformCalendar;

/**
 * The present moment (to the microsecond, as PostgreSQL keeps it) and the statutory calendar day it falls on
 * (procedure days count on the platform's calendar, Belgian days).
 */
public record Now(Instant instant, LocalDate today) {

    public static Now of(Clock clock) {
        Instant instant = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return new Now(instant, PlatformCalendar.dayOf(instant));
    }
}
