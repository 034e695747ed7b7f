package dev.andon.core.scheduler.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ICalendarHolidaysTest {

    private static final String ICS = String.join("\r\n",
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Team//Holidays//EN",
            "BEGIN:VEVENT",
            "UID:1@team",
            "DTSTART;VALUE=DATE:20261224",
            "DTEND;VALUE=DATE:20261227",
            "SUMMARY:Winter break\\, part one",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:2@team",
            "DTSTART:20260612T000000Z",
            "SUMMARY:Company off-site with a very long name that a calendar application folds acr",
            " oss two lines",
            "END:VEVENT",
            "END:VCALENDAR");

    @Test
    @DisplayName("reads all-day events with an exclusive DTEND, date-times and folded lines")
    void reads() throws Exception {
        ICalendarHolidays calendar = ICalendarHolidays.parse("team.ics", ICS);

        assertThat(calendar.holiday(LocalDate.of(2026, 12, 24))).hasValue("Winter break, part one");
        assertThat(calendar.holiday(LocalDate.of(2026, 12, 26))).hasValue("Winter break, part one");
        assertThat(calendar.holiday(LocalDate.of(2026, 12, 27))).isEmpty();
        assertThat(calendar.holiday(LocalDate.of(2026, 6, 12))).hasValue(
                "Company off-site with a very long name that a calendar application folds across two lines");
        assertThat(calendar.days()).hasSize(4);
    }

    @Test
    @DisplayName("names the file and line of an unreadable date")
    void badDate() {
        String bad = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:2026-12-24\nEND:VEVENT\nEND:VCALENDAR\n";
        assertThatThrownBy(() -> ICalendarHolidays.parse("team.ics", bad))
                .hasMessage("team.ics:3: cannot read date '2026-12-24' (expected YYYYMMDD)");
    }
}
