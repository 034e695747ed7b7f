package dev.andon.core.scheduler;

import dev.andon.core.scheduler.calendar.HolidayCalendar;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Days on which a schedule never runs: holidays (built-in country calendars and iCalendar files), single
 * blackout dates, and freeze periods.
 *
 * @param holidays  the holiday calendars, all of which count
 * @param blackouts single dates
 * @param freezes   date ranges, both ends included
 */
public record QuietDays(List<HolidayCalendar> holidays, Set<LocalDate> blackouts, List<Freeze> freezes) {

    public static final QuietDays NONE = new QuietDays(List.of(), Set.of(), List.of());

    public QuietDays {
        holidays = List.copyOf(holidays);
        blackouts = Set.copyOf(blackouts);
        freezes = List.copyOf(freezes);
    }

    /** Why nothing runs on this date, or empty when it is not a quiet day. */
    public Optional<String> reason(LocalDate date) {
        for (HolidayCalendar calendar : holidays) {
            Optional<String> holiday = calendar.holiday(date);
            if (holiday.isPresent()) {
                return Optional.of("holiday: " + holiday.get() + " (" + calendar.name() + ")");
            }
        }
        if (blackouts.contains(date)) {
            return Optional.of("blackout date " + date);
        }
        return freezes.stream().filter(f -> f.contains(date)).findFirst().map(Freeze::describe);
    }

    /**
     * A period in which nothing runs, e.g. a release freeze.
     *
     * @param from   first day, included
     * @param to     last day, included
     * @param reason why, shown in skips; may be empty
     */
    public record Freeze(LocalDate from, LocalDate to, String reason) {

        public Freeze {
            reason = reason == null ? "" : reason;
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("freeze 'to' must not be before 'from', but was " + from + " to " + to);
            }
        }

        public boolean contains(LocalDate date) {
            return !date.isBefore(from) && !date.isAfter(to);
        }

        public String describe() {
            return "freeze " + from + " to " + to + (reason.isEmpty() ? "" : ": " + reason);
        }
    }
}
