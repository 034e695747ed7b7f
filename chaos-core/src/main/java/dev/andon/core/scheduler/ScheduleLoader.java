package dev.andon.core.scheduler;

import dev.andon.core.load.FieldTypes;
import dev.andon.core.load.InvalidFileException;
import dev.andon.core.load.MapReader;
import dev.andon.core.load.Node;
import dev.andon.core.load.Problems;
import dev.andon.core.load.SourceParser;
import dev.andon.core.model.Durations;
import dev.andon.core.model.Metadata;
import dev.andon.core.model.ProbeSpec;
import dev.andon.core.scheduler.calendar.CountryHolidays;
import dev.andon.core.scheduler.calendar.HolidayCalendar;
import dev.andon.core.scheduler.calendar.ICalendarHolidays;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.quartz.CronExpression;

/**
 * Reads {@code kind: Schedule} files strictly: every unknown key, wrong type, bad cron expression, unknown
 * time zone or country, or missing experiment file is reported with file:line:column, all at once.
 */
public final class ScheduleLoader {

    public static final String API_VERSION = "andon.dev/v1";
    public static final String KIND = "Schedule";
    /** The zone of a schedule that names none; the region id, so times print as "UTC" rather than "Z". */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("UTC");

    private static final Pattern WORKDAYS = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(workdays?)");
    private static final Pattern HOUR = Pattern.compile("(\\d{1,2})(?::(\\d{2}))?");
    private static final List<String> DAY_NAMES = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

    private final OutageProbeReader probeReader;

    /** @param probeReader reads {@code outageProbe} as the experiment loader reads hypothesis probes */
    public ScheduleLoader(OutageProbeReader probeReader) {
        this.probeReader = probeReader;
    }

    public Schedule load(Path file) throws InvalidFileException {
        Node root = SourceParser.parse(file);
        return read(file, root);
    }

    Schedule read(Path file, Node root) throws InvalidFileException {
        Problems problems = new Problems(file.toString());
        MapReader top = MapReader.of(root, "the file", problems).orElse(null);
        if (top == null) {
            problems.throwIfAny();
        }
        top.requiredString("apiVersion").filter(v -> !v.equals(API_VERSION))
                .ifPresent(v -> problems.at(top.node().get("apiVersion"), "unsupported apiVersion '" + v + "'", "write 'apiVersion: " + API_VERSION + "'"));
        top.requiredString("kind").filter(k -> !k.equals(KIND))
                .ifPresent(k -> problems.at(top.node().get("kind"), "expected kind '" + KIND + "', but was '" + k + "'",
                        "this loader reads schedules; run experiments with 'andon run'"));
        Metadata metadata = top.map("metadata", "metadata").map(m -> metadata(m, problems)).orElse(null);
        if (!top.has("metadata")) {
            top.required("metadata", FieldTypes.MAP);
        }
        Optional<MapReader> spec = top.required("spec", FieldTypes.MAP).map(m -> new MapReader(m, "spec", problems));
        top.finish();
        if (spec.isEmpty()) {
            problems.throwIfAny();
        }
        Schedule schedule = spec(file, metadata, spec.get(), problems);
        problems.throwIfAny();
        return schedule;
    }

    private static Metadata metadata(MapReader m, Problems problems) {
        String name = m.requiredString("name").orElse(null);
        if (name != null && !name.matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?")) {
            problems.at(m.node().get("name"), "schedule name '" + name + "' must be lower-case letters, digits, '-' and '.'",
                    "for example 'kill-one-replica-daily'");
        }
        String description = m.string("description").orElse("");
        var labels = m.stringMap("labels");
        m.finish();
        return name == null ? null : new Metadata(name, description, labels);
    }

    private Schedule spec(Path file, Metadata metadata, MapReader spec, Problems problems) {
        Path folder = file.toAbsolutePath().getParent();
        Path experiment = spec.requiredString("experiment").map(e -> folder.resolve(e).normalize()).orElse(null);
        if (experiment != null && !Files.isRegularFile(experiment)) {
            problems.at(spec.node().get("experiment"), "experiment file " + experiment + " does not exist",
                    "the path is relative to the schedule file's folder " + folder);
        }
        var variables = spec.stringMap("variables");
        boolean leashed = spec.bool("leashed").orElse(true);
        ZoneId zone = spec.string("timeZone").flatMap(z -> zone(z, spec.node().get("timeZone"), problems)).orElse(DEFAULT_ZONE);
        Optional<KillWindow> window = spec.map("window", "window").flatMap(w -> window(w, zone, problems));
        Cadence cadence = cadence(spec, zone, problems);
        if (cadence instanceof Cadence.ChaosMonkey && window.isEmpty() && !spec.has("window")) {
            window = Optional.of(new KillWindow(KillWindow.WEEKDAYS, KillWindow.DEFAULT_START, KillWindow.DEFAULT_END, zone));
        }
        Optional<MinimumGap> gap = spec.entry("minTimeBetweenKills").flatMap(e -> minimumGap(e.value(), problems));
        Optional<Integer> maxPerDay = spec.integer("maxKillsPerDay").flatMap(n -> {
            if (n < 1) {
                problems.at(spec.node().get("maxKillsPerDay"), "maxKillsPerDay must be at least 1, but was " + n, "remove it for no limit");
                return Optional.empty();
            }
            return Optional.of(n.intValue());
        });
        List<HolidayCalendar> holidays = spec.map("holidays", "holidays").map(h -> holidays(h, folder, problems)).orElse(List.of());
        Set<LocalDate> blackouts = new LinkedHashSet<>();
        spec.list("blackouts").ifPresent(list -> list.items().forEach(item -> date(item, "blackouts", problems).ifPresent(blackouts::add)));
        List<QuietDays.Freeze> freezes = new ArrayList<>();
        spec.list("freezes").ifPresent(list -> list.items().forEach(item -> freeze(item, problems).ifPresent(freezes::add)));
        Optional<ProbeSpec> outageProbe = spec.entry("outageProbe").flatMap(e -> probeReader.read(e.value(), "outageProbe", problems));
        spec.finish();
        if (metadata == null || experiment == null || cadence == null) {
            return null;
        }
        return new Schedule(file, metadata, experiment, variables, leashed, cadence, window,
                new QuietDays(holidays, blackouts, freezes), new KillLimits(gap, maxPerDay), outageProbe);
    }

    private static Cadence cadence(MapReader spec, ZoneId zone, Problems problems) {
        boolean hasCron = spec.has("cron");
        boolean hasMean = spec.has("meanTimeBetweenKills");
        if (hasCron == hasMean) {
            problems.at(spec.node(), hasCron ? "a schedule has either 'cron' or 'meanTimeBetweenKills', not both"
                    : "missing 'cron' or 'meanTimeBetweenKills' in spec",
                    "write 'cron: \"0 30 10 ? * MON-FRI\"' for fixed times, or 'meanTimeBetweenKills: 5' (workdays) for Chaos Monkey mode");
            return null;
        }
        if (hasCron) {
            return spec.string("cron").flatMap(expression -> {
                try {
                    CronExpression.validateExpression(expression);
                    return Optional.<Cadence>of(new Cadence.Cron(expression, zone));
                } catch (java.text.ParseException e) {
                    problems.at(spec.node().get("cron"), "invalid cron expression '" + expression + "': " + e.getMessage(),
                            "Quartz cron has 6 or 7 fields, seconds first: '0 30 10 ? * MON-FRI' is 10:30 on weekdays");
                    return Optional.empty();
                }
            }).orElse(null);
        }
        Node meanNode = spec.node().get("meanTimeBetweenKills");
        Optional<Double> mean = workdays(meanNode, "meanTimeBetweenKills", problems);
        if (mean.isPresent() && mean.get() < 1) {
            problems.at(meanNode, "meanTimeBetweenKills must be at least 1 workday, but was " + mean.get(),
                    "1 means every workday; 5 means about once a week");
            return null;
        }
        return mean.<Cadence>map(Cadence.ChaosMonkey::new).orElse(null);
    }

    /** {@code 5}, {@code 2.5} or {@code "5 workdays"}. */
    private static Optional<Double> workdays(Node node, String key, Problems problems) {
        if (node instanceof Node.Scalar s && s.value() instanceof Number n) {
            return Optional.of(n.doubleValue());
        }
        if (node instanceof Node.Scalar s && s.value() instanceof String text) {
            Matcher m = WORKDAYS.matcher(text.trim());
            if (m.matches()) {
                return Optional.of(Double.parseDouble(m.group(1)));
            }
        }
        problems.at(node, "'" + key + "': expected a number of workdays, but was " + FieldTypes.describe(node), "write 5 or '5 workdays'");
        return Optional.empty();
    }

    /** {@code 2h}, {@code 30m} or {@code "2 workdays"}. */
    private static Optional<MinimumGap> minimumGap(Node node, Problems problems) {
        if (node instanceof Node.Scalar s && s.value() instanceof String text) {
            Matcher m = WORKDAYS.matcher(text.trim());
            if (m.matches()) {
                double n = Double.parseDouble(m.group(1));
                if (n != Math.floor(n) || n < 1) {
                    problems.at(node, "minTimeBetweenKills in workdays must be a whole number of at least 1, but was " + m.group(1), "write '1 workday' or '2 workdays'");
                    return Optional.empty();
                }
                return Optional.of(MinimumGap.ofWorkdays((int) n));
            }
            Optional<Duration> d = Durations.parse(text);
            if (d.isPresent()) {
                return Optional.of(MinimumGap.of(d.get()));
            }
        }
        problems.at(node, "'minTimeBetweenKills': expected a duration or a number of workdays, but was " + FieldTypes.describe(node),
                "write '2h' or '2 workdays'");
        return Optional.empty();
    }

    private static Optional<ZoneId> zone(String text, Node at, Problems problems) {
        try {
            return Optional.of(ZoneId.of(text));
        } catch (DateTimeException e) {
            problems.at(at, "unknown time zone '" + text + "'", "use a region id such as Europe/Berlin, America/New_York or UTC");
            return Optional.empty();
        }
    }

    private static Optional<KillWindow> window(MapReader w, ZoneId defaultZone, Problems problems) {
        Set<DayOfWeek> days = w.has("days") ? days(w.node().get("days"), w.stringList("days"), problems) : KillWindow.WEEKDAYS;
        LocalTime start = w.entry("start").flatMap(e -> time(e.value(), "start", problems)).orElse(KillWindow.DEFAULT_START);
        LocalTime end = w.entry("end").flatMap(e -> time(e.value(), "end", problems)).orElse(KillWindow.DEFAULT_END);
        ZoneId zone = w.string("timeZone").flatMap(z -> zone(z, w.node().get("timeZone"), problems)).orElse(defaultZone);
        w.finish();
        if (days.isEmpty()) {
            return Optional.empty();
        }
        if (!end.isAfter(start)) {
            problems.at(w.node(), "window end " + end + " must be after its start " + start, "windows do not cross midnight; for a night window use two schedules");
            return Optional.empty();
        }
        return Optional.of(new KillWindow(days, start, end, zone));
    }

    /** {@code [MON, TUE]}, {@code MON-FRI}, {@code [MON-WED, FRI]}. */
    private static Set<DayOfWeek> days(Node at, List<String> written, Problems problems) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String item : written) {
            for (String part : item.split(",")) {
                String p = part.trim().toUpperCase(Locale.ROOT);
                String[] range = p.split("-");
                Optional<DayOfWeek> from = day(range[0]);
                Optional<DayOfWeek> to = range.length == 2 ? day(range[1]) : from;
                if (range.length > 2 || from.isEmpty() || to.isEmpty()) {
                    problems.at(at, "window days: cannot read '" + part.trim() + "'", "write days as MON-FRI or [MON, WED, FRI]");
                    continue;
                }
                for (int d = from.get().getValue(); ; d = d % 7 + 1) {
                    days.add(DayOfWeek.of(d));
                    if (d == to.get().getValue()) {
                        break;
                    }
                }
            }
        }
        return days;
    }

    private static Optional<DayOfWeek> day(String text) {
        String t = text.trim();
        if (t.length() < 3) {
            return Optional.empty();
        }
        int i = DAY_NAMES.indexOf(t.substring(0, 3));
        boolean full = t.length() == 3 || DayOfWeek.of(i + 1).name().equals(t);
        return i >= 0 && full ? Optional.of(DayOfWeek.of(i + 1)) : Optional.empty();
    }

    /** {@code 9}, {@code "09:00"}, {@code "17:30"}, or {@code "24:00"} for the end of the day. */
    private static Optional<LocalTime> time(Node node, String key, Problems problems) {
        String text = node instanceof Node.Scalar s && s.value() != null ? s.text() : "";
        Matcher m = HOUR.matcher(text.trim());
        if (m.matches()) {
            int hour = Integer.parseInt(m.group(1));
            int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            if (hour == 24 && minute == 0) {
                return Optional.of(LocalTime.MAX);
            }
            if (hour < 24 && minute < 60) {
                return Optional.of(LocalTime.of(hour, minute));
            }
        }
        problems.at(node, "window " + key + ": expected a time like \"09:00\", but was " + FieldTypes.describe(node), "quote it: " + key + ": \"09:00\"");
        return Optional.empty();
    }

    private static List<HolidayCalendar> holidays(MapReader h, Path folder, Problems problems) {
        List<HolidayCalendar> calendars = new ArrayList<>();
        for (String code : h.stringList("countries")) {
            Optional<CountryHolidays> country = CountryHolidays.forCode(code);
            if (country.isEmpty()) {
                problems.at(itemNamed(h.node().get("countries"), code), "no built-in holidays for country '" + code + "'",
                        "built in: " + Arrays.stream(CountryHolidays.values()).map(Enum::name).collect(Collectors.joining(", "))
                                + "; for others give an iCalendar file under 'icalendar'");
            }
            country.ifPresent(calendars::add);
        }
        for (String ics : h.stringList("icalendar")) {
            Path path = folder.resolve(ics).normalize();
            try {
                calendars.add(ICalendarHolidays.read(path));
            } catch (IOException e) {
                problems.at(h.node().get("icalendar"), "cannot read iCalendar file " + path + ": " + e.getMessage(),
                        "the path is relative to the schedule file's folder");
            } catch (ICalendarHolidays.InvalidCalendarException e) {
                problems.at(h.node().get("icalendar"), "invalid iCalendar file: " + e.getMessage(), "each VEVENT needs DTSTART;VALUE=DATE:YYYYMMDD");
            }
        }
        h.finish();
        return calendars;
    }

    /** The list item written as {@code text}, for a problem at its own position; the whole value otherwise. */
    private static Node itemNamed(Node value, String text) {
        if (value instanceof Node.ListNode list) {
            return list.items().stream().filter(i -> i instanceof Node.Scalar s && text.equals(s.text())).findFirst().orElse(value);
        }
        return value;
    }

    private static Optional<LocalDate> date(Node node, String key, Problems problems) {
        String text = node instanceof Node.Scalar s && s.value() instanceof String t ? t : null;
        try {
            if (text != null) {
                return Optional.of(LocalDate.parse(text.trim()));
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        problems.at(node, key + ": expected a date like 2026-12-24, but was " + FieldTypes.describe(node), "write dates as YYYY-MM-DD");
        return Optional.empty();
    }

    private static Optional<QuietDays.Freeze> freeze(Node node, Problems problems) {
        Optional<MapReader> reader = MapReader.of(node, "freeze", problems);
        if (reader.isEmpty()) {
            return Optional.empty();
        }
        MapReader f = reader.get();
        Optional<LocalDate> from = f.required("from", FieldTypes.ANY).flatMap(n -> date(n, "freeze from", problems));
        Optional<LocalDate> to = f.required("to", FieldTypes.ANY).flatMap(n -> date(n, "freeze to", problems));
        String reason = f.string("reason").orElse("");
        f.finish();
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        if (to.get().isBefore(from.get())) {
            problems.at(node, "freeze ends (" + to.get() + ") before it starts (" + from.get() + ")", "swap 'from' and 'to'");
            return Optional.empty();
        }
        return Optional.of(new QuietDays.Freeze(from.get(), to.get(), reason));
    }
}
