package dev.andon.core.scheduler.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CountryHolidaysTest {

    @Test
    @DisplayName("computes Western Easter for known years")
    void easter() {
        assertThat(Easter.sunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(Easter.sunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(Easter.sunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(Easter.sunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(Easter.sunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
    }

    @Test
    @DisplayName("US: weekday rules and the observed day of a holiday on a Saturday")
    void unitedStates() {
        assertThat(CountryHolidays.US.holiday(LocalDate.of(2026, 1, 19))).hasValue("Martin Luther King Jr. Day");
        assertThat(CountryHolidays.US.holiday(LocalDate.of(2026, 11, 26))).hasValue("Thanksgiving Day");
        assertThat(CountryHolidays.US.holiday(LocalDate.of(2026, 7, 3))).hasValue("Independence Day (observed)");
        assertThat(CountryHolidays.US.holiday(LocalDate.of(2026, 5, 25))).hasValue("Memorial Day");
        assertThat(CountryHolidays.US.holiday(LocalDate.of(2026, 11, 27))).isEmpty();
    }

    @Test
    @DisplayName("GB: Easter-based bank holidays and substitute days for a weekend Christmas")
    void unitedKingdom() {
        assertThat(CountryHolidays.GB.holiday(LocalDate.of(2026, 4, 3))).hasValue("Good Friday");
        assertThat(CountryHolidays.GB.holiday(LocalDate.of(2026, 4, 6))).hasValue("Easter Monday");
        // 2026-12-26 is a Saturday: Boxing Day moves to Monday 28th.
        assertThat(CountryHolidays.GB.holiday(LocalDate.of(2026, 12, 28))).hasValue("Boxing Day (substitute day)");
        // 2027: Christmas Saturday, Boxing Day Sunday: Monday 27th and Tuesday 28th are off.
        assertThat(CountryHolidays.GB.holiday(LocalDate.of(2027, 12, 27))).isPresent();
        assertThat(CountryHolidays.GB.holiday(LocalDate.of(2027, 12, 28))).isPresent();
        assertThat(CountryHolidays.GB.holiday(LocalDate.of(2027, 12, 29))).isEmpty();
    }

    @Test
    @DisplayName("DE and FR: fixed national days and Ascension and Whit Monday from Easter")
    void germanyAndFrance() {
        assertThat(CountryHolidays.DE.holiday(LocalDate.of(2026, 5, 14))).hasValue("Christi Himmelfahrt");
        assertThat(CountryHolidays.DE.holiday(LocalDate.of(2026, 5, 25))).hasValue("Pfingstmontag");
        assertThat(CountryHolidays.DE.holiday(LocalDate.of(2026, 10, 3))).hasValue("Tag der Deutschen Einheit");
        assertThat(CountryHolidays.FR.holiday(LocalDate.of(2026, 7, 14))).hasValue("Fête nationale");
        assertThat(CountryHolidays.FR.holiday(LocalDate.of(2026, 5, 14))).hasValue("Ascension");
        assertThat(CountryHolidays.FR.holiday(LocalDate.of(2026, 10, 3))).isEmpty();
    }

    @Test
    @DisplayName("finds calendars by country code, case-insensitive")
    void byCode() {
        assertThat(CountryHolidays.forCode("gb")).hasValue(CountryHolidays.GB);
        assertThat(CountryHolidays.forCode("XX")).isEmpty();
    }
}
