package dev.andon.cli.schedule;

import dev.andon.cli.ExitCodes;
import dev.andon.cli.UserError;
import dev.andon.core.scheduler.Cadence;
import dev.andon.core.scheduler.ChaosMonkeyPlanner;
import dev.andon.core.scheduler.KillWindow;
import dev.andon.core.scheduler.PlannedKill;
import dev.andon.core.scheduler.Schedule;
import dev.andon.core.scheduler.ScheduleCatalog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "preview",
        mixinStandardHelpOptions = true,
        description = {"Show the kills Chaos Monkey mode would plan over the next days, with a seed: the daemon started with",
            "the same --seed plans the same days. Holidays, blackouts, freezes and windows are applied; the minimum time",
            "between kills and the daily maximum are checked at kill time, against what really happened."})
public final class SchedulePreviewCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm z");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", defaultValue = "experiments/schedules", description = "Directory of Schedule files (default: ${DEFAULT-VALUE}).")
    Path directory;

    @Option(names = "--days", paramLabel = "N", defaultValue = "10", description = "How many days to plan (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the plan (default: random, printed so the preview can be repeated).")
    Long seed;

    @Option(names = "--from", paramLabel = "DATE", description = "First day to plan, YYYY-MM-DD (default: today, UTC).")
    LocalDate from;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (days < 1 || days > 3660) {
            throw new UserError(ExitCodes.INVALID_INPUT, "--days " + days + ": give between 1 and 3660 days");
        }
        ScheduleCatalog.Snapshot snapshot = ScheduleFiles.load(directory, spec.commandLine().getErr());
        long planSeed = seed != null ? seed : new java.security.SecureRandom().nextLong();
        LocalDate first = from != null ? from : LocalDate.now(ZoneOffset.UTC);
        List<Schedule> monkeys = snapshot.schedules().values().stream().filter(s -> s.cadence() instanceof Cadence.ChaosMonkey).toList();
        out.println("Chaos Monkey plan for " + days + " day(s) from " + first + " (seed " + planSeed + "):");
        List<PlannedKill> kills = new ChaosMonkeyPlanner(planSeed).plan(first, days, monkeys);
        Map<String, Schedule> byName = snapshot.schedules();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"WHEN", "SCHEDULE", "EXPERIMENT", "LEASHED"});
        for (PlannedKill kill : kills) {
            Schedule s = byName.get(kill.schedule());
            rows.add(new String[] {WHEN.format(kill.at().atZone(s.window().map(KillWindow::zone).orElse(ZoneOffset.UTC))), s.name(),
                    s.experiment().getFileName().toString(), kill.leashed() ? "yes (records, kills nothing)" : "NO"});
        }
        if (kills.isEmpty()) {
            out.println("  no kills planned" + (monkeys.isEmpty() ? ": no schedule in Chaos Monkey mode (meanTimeBetweenKills)" : ""));
        } else {
            Table.print(out, rows);
        }
        for (Schedule s : monkeys) {
            List<String> quiet = restDays(s, first, days);
            if (!quiet.isEmpty()) {
                out.println(s.name() + " rests on: " + String.join("; ", quiet));
            }
        }
        List<Schedule> crons = snapshot.schedules().values().stream().filter(s -> s.cadence() instanceof Cadence.Cron).toList();
        if (!crons.isEmpty()) {
            out.println("Cron schedules fire at their expressions: "
                    + crons.stream().map(s -> s.name() + " '" + ((Cadence.Cron) s.cadence()).expression() + "'").collect(Collectors.joining(", ")));
        }
        out.flush();
        return snapshot.problems().isEmpty() ? 0 : ExitCodes.INVALID_INPUT;
    }

    /** Window days on which the schedule rests, runs of the same reason shown as one range ("12-14..12-23 freeze"). */
    private static List<String> restDays(Schedule s, LocalDate first, int days) {
        List<String> out = new ArrayList<>();
        String reason = null;
        LocalDate from = null;
        LocalDate to = null;
        for (int i = 0; i <= days; i++) {
            LocalDate d = first.plusDays(i);
            if (i < days && !s.workdays().days().contains(d.getDayOfWeek())) {
                continue;
            }
            String r = i < days ? s.workdays().reasonNotWorkday(d).orElse(null) : null;
            if (reason != null && !reason.equals(r)) {
                out.add((from.equals(to) ? from.toString() : from + ".." + to) + " " + reason);
                reason = null;
            }
            if (r != null) {
                if (reason == null) {
                    from = d;
                }
                reason = r;
                to = d;
            }
        }
        return out;
    }
}
