package be.mhealth.pyramid.notification.domain;

import java.time.Duration;

/**
 * When a failed delivery is tried again: {@code initial} after the first failure, doubling after each further one up
 * to {@code max}, each delay moved by up to ± {@code jitter} of itself at random so that the retries of many
 * deliveries that failed together (a receiver that was down) spread out.
 */
public record RetrySchedule(Duration initial, Duration max, double jitter) {

    public RetrySchedule {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max and 0 <= jitter <= 1");
        }
    }

    /** The delay after {@code failures} failed attempts (1 or more); {@code random} is uniform in [0, 1). */
    public Duration delayAfter(int failures, double random) {
        long base = initial.toMillis();
        long capped = max.toMillis();
        for (int i = 1; i < failures && base < capped; i++) {
            base *= 2;
        }
        base = Math.min(base, capped);
        double factor = 1 - jitter + 2 * jitter * random;
        return Duration.ofMillis(Math.max(1, Math.round(base * factor)));
    }
}
