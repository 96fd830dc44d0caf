package be.mhealth.pyramid.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Singleton;

/**
 * In tests this bean replaces the services' system clock (which is a default bean), so a test can move
 * time forward: {@code clock.advance(Duration.ofDays(31))}. It follows real time plus the offset.
 *
 * <p>{@code -Dmovable-clock.start=2026-12-02T22:19:00Z} starts (and {@link #reset() resets}) it at that
 * moment instead of now, to replay a run at a given hour, e.g. the hours when the UTC and Belgian days differ.
 */
@Singleton
public class MovableClock extends Clock {

    private static final Duration START = startOffset(System.getProperty("movable-clock.start"));

    private final AtomicReference<Duration> offset = new AtomicReference<>(START);

    private static Duration startOffset(String start) {
        return start == null || start.isBlank() ? Duration.ZERO : Duration.between(Instant.now(), Instant.parse(start));
    }

    public void advance(Duration duration) {
        offset.updateAndGet(o -> o.plus(duration));
    }

    /** Moves the clock so that now is {@code instant}. */
    public void setTo(Instant instant) {
        offset.set(Duration.between(Instant.now(), instant));
    }

    /**
     * Moves the clock to noon of its present day in {@code zone}. Whole days then added as 24-hour durations stay whole
     * calendar days there, across the changes to and from summer time, whatever the hour the test runs at.
     */
    public void setToMidday(ZoneId zone) {
        setTo(LocalDate.ofInstant(instant(), zone).atTime(LocalTime.NOON).atZone(zone).toInstant());
    }

    /** Back to real time (or to the run's {@code movable-clock.start}). */
    public void reset() {
        offset.set(START);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the platform runs in UTC");
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }
}
