package dev.andon.core.scheduler;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * The hours in which a schedule may kill: days of the week, a start and end time (end exclusive), in a time
 * zone. Times are wall-clock times, so a window of 09:00-15:00 stays 09:00-15:00 across a DST change.
 *
 * @param days  days of the week on which the window opens
 * @param start first moment of the window, inclusive
 * @param end   end of the window, exclusive; after {@code start}
 * @param zone  the zone the times are read in
 */
public record KillWindow(Set<DayOfWeek> days, LocalTime start, LocalTime end, ZoneId zone) {

    public static final Set<DayOfWeek> WEEKDAYS = Set.copyOf(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    /** Netflix's default: weekdays, 09:00 to 15:00. */
    public static final LocalTime DEFAULT_START = LocalTime.of(9, 0);
    public static final LocalTime DEFAULT_END = LocalTime.of(15, 0);

    public KillWindow {
        days = Set.copyOf(days);
        if (days.isEmpty()) {
            throw new IllegalArgumentException("window days must name at least one day");
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("window end must be after its start, but was " + start + "-" + end);
        }
    }

    /** Whether the instant is inside the window's hours on one of its days (holidays are not considered here). */
    public boolean contains(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        return days.contains(local.getDayOfWeek()) && !time.isBefore(start) && time.isBefore(end);
    }

    /** The local date of the instant in the window's zone. */
    public LocalDate dateOf(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    /** Whole minutes the window is open on a date (a DST jump inside the window shortens or lengthens it). */
    public long minutesOn(LocalDate date) {
        return java.time.Duration.between(opensAt(date), closesAt(date)).toMinutes();
    }

    public Instant opensAt(LocalDate date) {
        return ZonedDateTime.of(date, start, zone).toInstant();
    }

    public Instant closesAt(LocalDate date) {
        return ZonedDateTime.of(date, end, zone).toInstant();
    }

    public String describe() {
        return start + "-" + end + " " + zone.getId();
    }
}
