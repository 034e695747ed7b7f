package dev.andon.core.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The least time between two kills of one schedule, either a duration ({@code 2h}) or a number of workdays
 * ({@code 2 workdays}: a kill on Monday allows the next on Wednesday, a weekend or holiday between does not
 * count).
 *
 * @param duration the gap as a duration, when written as one
 * @param workdays the gap in workdays, when written so (0 otherwise)
 */
public record MinimumGap(Optional<Duration> duration, int workdays) {

    public MinimumGap {
        if (duration.isPresent() == (workdays > 0)) {
            throw new IllegalArgumentException("a minimum gap is either a duration or a number of workdays");
        }
        if (duration.isPresent() && duration.get().isNegative()) {
            throw new IllegalArgumentException("minTimeBetweenKills must not be negative, but was " + duration.get());
        }
    }

    public static MinimumGap of(Duration duration) {
        return new MinimumGap(Optional.of(duration), 0);
    }

    public static MinimumGap ofWorkdays(int workdays) {
        return new MinimumGap(Optional.empty(), workdays);
    }

    /**
     * The earliest instant after {@code lastKill} at which a new kill is allowed, given the schedule's workdays
     * read in {@code zone}. For a workday gap, the new kill must be at least that many workdays later by date.
     */
    public Instant earliestAfter(Instant lastKill, Workdays workdays, ZoneId zone) {
        if (duration.isPresent()) {
            return lastKill.plus(duration.get());
        }
        LocalDate date = lastKill.atZone(zone).toLocalDate();
        for (int counted = 0; counted < this.workdays;) {
            date = date.plusDays(1);
            if (workdays.isWorkday(date)) {
                counted++;
            }
        }
        return date.atStartOfDay(zone).toInstant();
    }

    /**
     * The start of the period in which an earlier kill would forbid a kill at {@code now}: a kill at or after
     * this instant means the gap has not elapsed. The store's atomic check uses it.
     */
    public Instant blockingSince(Instant now, Workdays workdays, ZoneId zone) {
        if (duration.isPresent()) {
            return now.minus(duration.get());
        }
        // A kill on date d blocks today while fewer than N workdays lie in (d, today]. Walking back from today
        // (inclusive) over N workdays ends the day before the earliest date whose kills still block.
        LocalDate date = now.atZone(zone).toLocalDate();
        for (int counted = 0; counted < this.workdays; date = date.minusDays(1)) {
            if (workdays.isWorkday(date)) {
                counted++;
            }
        }
        return date.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public String describe() {
        return duration.map(dev.andon.core.model.Durations::format).orElse(workdays + (workdays == 1 ? " workday" : " workdays"));
    }
}
