package dev.andon.core.scheduler.calendar;

import java.time.LocalDate;
import java.util.Optional;

/** A set of holidays: a built-in country calendar or an iCalendar file. */
public interface HolidayCalendar {

    /** Shown in skip reasons: {@code US}, {@code team-holidays.ics}. */
    String name();

    /** The holiday's name when the date is a holiday, empty otherwise. */
    Optional<String> holiday(LocalDate date);
}
