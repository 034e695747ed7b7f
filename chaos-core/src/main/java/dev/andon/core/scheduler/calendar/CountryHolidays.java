package dev.andon.core.scheduler.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Built-in public holidays of a few countries: fixed dates, weekday rules (third Monday of January) and
 * Easter-based dates, with the days off observed when a fixed holiday falls on a weekend (US, GB). National
 * holidays only: regional ones (a German state's, a US state's) belong in an iCalendar file.
 */
public enum CountryHolidays implements HolidayCalendar {

    US(CountryHolidays::unitedStates),
    GB(CountryHolidays::unitedKingdom),
    DE(CountryHolidays::germany),
    FR(CountryHolidays::france);

    private final Function<Integer, Map<LocalDate, String>> rules;
    private final Map<Integer, Map<LocalDate, String>> byYear = new ConcurrentHashMap<>();

    CountryHolidays(Function<Integer, Map<LocalDate, String>> rules) {
        this.rules = rules;
    }

    /** The calendar for a country code, case-insensitive. */
    public static Optional<CountryHolidays> forCode(String code) {
        return Arrays.stream(values()).filter(c -> c.name().equals(code.toUpperCase(Locale.ROOT))).findFirst();
    }

    @Override
    public Optional<String> holiday(LocalDate date) {
        return Optional.ofNullable(holidays(date.getYear()).get(date));
    }

    /** Every holiday of the year, date to name. */
    public Map<LocalDate, String> holidays(int year) {
        return byYear.computeIfAbsent(year, rules);
    }

    private static Map<LocalDate, String> unitedStates(int year) {
        Map<LocalDate, String> h = new LinkedHashMap<>();
        observedNearest(h, LocalDate.of(year, 1, 1), "New Year's Day");
        h.put(nth(year, Month.JANUARY, 3, DayOfWeek.MONDAY), "Martin Luther King Jr. Day");
        h.put(nth(year, Month.FEBRUARY, 3, DayOfWeek.MONDAY), "Washington's Birthday");
        h.put(last(year, Month.MAY, DayOfWeek.MONDAY), "Memorial Day");
        observedNearest(h, LocalDate.of(year, 6, 19), "Juneteenth");
        observedNearest(h, LocalDate.of(year, 7, 4), "Independence Day");
        h.put(nth(year, Month.SEPTEMBER, 1, DayOfWeek.MONDAY), "Labor Day");
        h.put(nth(year, Month.OCTOBER, 2, DayOfWeek.MONDAY), "Columbus Day");
        observedNearest(h, LocalDate.of(year, 11, 11), "Veterans Day");
        h.put(nth(year, Month.NOVEMBER, 4, DayOfWeek.THURSDAY), "Thanksgiving Day");
        observedNearest(h, LocalDate.of(year, 12, 25), "Christmas Day");
        return Map.copyOf(h);
    }

    private static Map<LocalDate, String> unitedKingdom(int year) {
        Map<LocalDate, String> h = new LinkedHashMap<>();
        LocalDate easter = Easter.sunday(year);
        substituteMonday(h, LocalDate.of(year, 1, 1), "New Year's Day");
        h.put(easter.minusDays(2), "Good Friday");
        h.put(easter.plusDays(1), "Easter Monday");
        h.put(nth(year, Month.MAY, 1, DayOfWeek.MONDAY), "Early May bank holiday");
        h.put(last(year, Month.MAY, DayOfWeek.MONDAY), "Spring bank holiday");
        h.put(last(year, Month.AUGUST, DayOfWeek.MONDAY), "Summer bank holiday");
        // Christmas and Boxing Day: a weekend day moves to the next free weekday, so both get a day off.
        LocalDate christmas = LocalDate.of(year, 12, 25);
        LocalDate boxing = LocalDate.of(year, 12, 26);
        h.put(christmas, "Christmas Day");
        h.put(boxing, "Boxing Day");
        LocalDate next = boxing.plusDays(1);
        for (LocalDate day : new LocalDate[] {christmas, boxing}) {
            if (isWeekend(day)) {
                while (isWeekend(next) || h.containsKey(next)) {
                    next = next.plusDays(1);
                }
                h.put(next, (day.equals(christmas) ? "Christmas Day" : "Boxing Day") + " (substitute day)");
            }
        }
        return Map.copyOf(h);
    }

    private static Map<LocalDate, String> germany(int year) {
        Map<LocalDate, String> h = new LinkedHashMap<>();
        LocalDate easter = Easter.sunday(year);
        h.put(LocalDate.of(year, 1, 1), "Neujahr");
        h.put(easter.minusDays(2), "Karfreitag");
        h.put(easter.plusDays(1), "Ostermontag");
        h.put(LocalDate.of(year, 5, 1), "Tag der Arbeit");
        h.put(easter.plusDays(39), "Christi Himmelfahrt");
        h.put(easter.plusDays(50), "Pfingstmontag");
        h.put(LocalDate.of(year, 10, 3), "Tag der Deutschen Einheit");
        h.put(LocalDate.of(year, 12, 25), "1. Weihnachtstag");
        h.put(LocalDate.of(year, 12, 26), "2. Weihnachtstag");
        return Map.copyOf(h);
    }

    private static Map<LocalDate, String> france(int year) {
        Map<LocalDate, String> h = new LinkedHashMap<>();
        LocalDate easter = Easter.sunday(year);
        h.put(LocalDate.of(year, 1, 1), "Jour de l'an");
        h.put(easter.plusDays(1), "Lundi de Pâques");
        h.put(LocalDate.of(year, 5, 1), "Fête du Travail");
        h.put(LocalDate.of(year, 5, 8), "Victoire 1945");
        h.put(easter.plusDays(39), "Ascension");
        h.put(easter.plusDays(50), "Lundi de Pentecôte");
        h.put(LocalDate.of(year, 7, 14), "Fête nationale");
        h.put(LocalDate.of(year, 8, 15), "Assomption");
        h.put(LocalDate.of(year, 11, 1), "Toussaint");
        h.put(LocalDate.of(year, 11, 11), "Armistice 1918");
        h.put(LocalDate.of(year, 12, 25), "Noël");
        return Map.copyOf(h);
    }

    /** US federal rule: Saturday is observed on Friday, Sunday on Monday; the day itself is kept too. */
    private static void observedNearest(Map<LocalDate, String> h, LocalDate day, String name) {
        h.put(day, name);
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY) {
            h.put(day.minusDays(1), name + " (observed)");
        } else if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            h.put(day.plusDays(1), name + " (observed)");
        }
    }

    private static void substituteMonday(Map<LocalDate, String> h, LocalDate day, String name) {
        h.put(day, name);
        if (isWeekend(day)) {
            h.put(day.with(TemporalAdjusters.next(DayOfWeek.MONDAY)), name + " (substitute day)");
        }
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static LocalDate nth(int year, Month month, int n, DayOfWeek day) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
    }

    private static LocalDate last(int year, Month month, DayOfWeek day) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.lastInMonth(day));
    }
}
