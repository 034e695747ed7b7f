package dev.andon.core.scheduler;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * The days a schedule may kill on: the window's days of the week minus its quiet days.
 *
 * @param days      days of the week the window opens
 * @param quietDays holidays, blackouts and freezes
 */
public record Workdays(Set<DayOfWeek> days, QuietDays quietDays) {

    public Workdays {
        days = Set.copyOf(days);
    }

    public boolean isWorkday(LocalDate date) {
        return reasonNotWorkday(date).isEmpty();
    }

    /** Why this date is not a workday of the schedule, or empty when it is one. */
    public Optional<String> reasonNotWorkday(LocalDate date) {
        if (!days.contains(date.getDayOfWeek())) {
            return Optional.of(date.getDayOfWeek().toString().charAt(0) + date.getDayOfWeek().toString().substring(1).toLowerCase(java.util.Locale.ROOT)
                    + " is not a window day");
        }
        return quietDays.reason(date);
    }
}
