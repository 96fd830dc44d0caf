package be.mhealth.pyramid.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(5), Duration.ofHours(2), 0.2);

    @Test
    void doublesFromTheInitialDelayUpToTheCap() {
        assertThat(schedule.delayAfter(1, 0.5)).isEqualTo(Duration.ofSeconds(5));
        assertThat(schedule.delayAfter(2, 0.5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(schedule.delayAfter(5, 0.5)).isEqualTo(Duration.ofSeconds(80));
        assertThat(schedule.delayAfter(12, 0.5)).isEqualTo(Duration.ofHours(2));
        assertThat(schedule.delayAfter(1000, 0.5)).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void jitterMovesEachDelayByAtMostItsShare() {
        assertThat(schedule.delayAfter(2, 0.0)).isEqualTo(Duration.ofSeconds(8));
        assertThat(schedule.delayAfter(2, 0.999_999)).isBetween(Duration.ofMillis(11_999), Duration.ofSeconds(12));
    }

    @Test
    void aDayOfRetriesIsAboutTwentyAttempts() {
        Duration total = Duration.ZERO;
        int attempts = 0;
        while (total.compareTo(Duration.ofHours(24)) < 0) {
            total = total.plus(schedule.delayAfter(++attempts, 0.5));
        }
        assertThat(attempts).isBetween(18, 24);
    }
}
