package be.mhealth.pyramid.m3.domain;

import java.time.LocalDate;

/**
 * Where a dossier's clock stands today: the running step, its due date (clock stops included), whether it is
 * overdue, and the days left (negative when overdue). All null/false when no step is running.
 */
public record ClockStatus(Step currentStep, LocalDate dueDate, boolean overdue, Integer daysRemaining,
        boolean clockStopped) {

    static final ClockStatus NONE = new ClockStatus(null, null, false, null, false);
}
