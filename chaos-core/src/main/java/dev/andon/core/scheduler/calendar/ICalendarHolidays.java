package dev.andon.core.scheduler.calendar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Holidays from an iCalendar ({@code .ics}) file: every {@code VEVENT}'s all-day dates, from {@code DTSTART}
 * up to (excluding) {@code DTEND} when present. Date-times count for the date they start on. Only what a
 * holiday calendar exported from a calendar application needs is read; recurrence rules are not expanded
 *: such an event counts on its first date only.
 */
public final class ICalendarHolidays implements HolidayCalendar {

    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int MAX_EVENT_DAYS = 366;

    private final String name;
    private final Map<LocalDate, String> days;

    private ICalendarHolidays(String name, Map<LocalDate, String> days) {
        this.name = name;
        this.days = Map.copyOf(days);
    }

    /** Reads a file; a line that cannot be read is an error naming its line number. */
    public static ICalendarHolidays read(Path file) throws IOException, InvalidCalendarException {
        return parse(file.getFileName().toString(), Files.readString(file));
    }

    public static ICalendarHolidays parse(String name, String text) throws InvalidCalendarException {
        Map<LocalDate, String> days = new HashMap<>();
        List<String> lines = unfold(text);
        boolean inEvent = false;
        LocalDate start = null;
        LocalDate end = null;
        String summary = "";
        int eventLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.equalsIgnoreCase("BEGIN:VEVENT")) {
                inEvent = true;
                start = null;
                end = null;
                summary = "";
                eventLine = i + 1;
            } else if (line.equalsIgnoreCase("END:VEVENT")) {
                if (start == null) {
                    throw new InvalidCalendarException(name + ":" + eventLine + ": event without DTSTART");
                }
                LocalDate last = end == null || !end.isAfter(start) ? start : end.minusDays(1);
                if (start.plusDays(MAX_EVENT_DAYS).isBefore(last)) {
                    throw new InvalidCalendarException(name + ":" + eventLine + ": event '" + summary + "' lasts more than a year");
                }
                for (LocalDate d = start; !d.isAfter(last); d = d.plusDays(1)) {
                    days.putIfAbsent(d, summary.isEmpty() ? "holiday" : summary);
                }
                inEvent = false;
            } else if (inEvent) {
                String property = propertyName(line);
                String value = line.substring(line.indexOf(':') + 1).trim();
                switch (property) {
                    case "DTSTART" -> start = date(name, i + 1, value);
                    case "DTEND" -> end = date(name, i + 1, value);
                    case "SUMMARY" -> summary = value.replace("\\,", ",").replace("\\;", ";");
                    default -> {
                    }
                }
            }
        }
        return new ICalendarHolidays(name, days);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<String> holiday(LocalDate date) {
        return Optional.ofNullable(days.get(date));
    }

    public Map<LocalDate, String> days() {
        return days;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ICalendarHolidays other && other.name.equals(name) && other.days.equals(days);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + days.hashCode();
    }

    /** RFC 5545 3.1: a line starting with a space or tab continues the previous one. */
    private static List<String> unfold(String text) {
        List<String> out = new ArrayList<>();
        for (String raw : text.split("\r?\n")) {
            if ((raw.startsWith(" ") || raw.startsWith("\t")) && !out.isEmpty()) {
                out.set(out.size() - 1, out.get(out.size() - 1) + raw.substring(1));
            } else if (!raw.isBlank()) {
                out.add(raw.strip());
            }
        }
        return out;
    }

    private static String propertyName(String line) {
        int colon = line.indexOf(':');
        int semicolon = line.indexOf(';');
        int end = colon < 0 ? line.length() : semicolon >= 0 && semicolon < colon ? semicolon : colon;
        return line.substring(0, end).toUpperCase(java.util.Locale.ROOT);
    }

    private static LocalDate date(String file, int line, String value) throws InvalidCalendarException {
        String digits = value.length() >= 8 ? value.substring(0, 8) : value;
        try {
            return LocalDate.parse(digits, BASIC_DATE);
        } catch (DateTimeParseException e) {
            throw new InvalidCalendarException(file + ":" + line + ": cannot read date '" + value + "' (expected YYYYMMDD)");
        }
    }

    /** An iCalendar file that cannot be read; the message names file and line. */
    public static final class InvalidCalendarException extends Exception {
        public InvalidCalendarException(String message) {
            super(message);
        }
    }
}
