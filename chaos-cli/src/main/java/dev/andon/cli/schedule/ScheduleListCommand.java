package dev.andon.cli.schedule;

import dev.andon.cli.ExitCodes;
import dev.andon.cli.UserError;
import dev.andon.cli.options.StoreOptions;
import dev.andon.core.scheduler.Cadence;
import dev.andon.core.scheduler.FiringHandler;
import dev.andon.core.scheduler.KillWindow;
import dev.andon.core.scheduler.Schedule;
import dev.andon.core.scheduler.ScheduleCatalog;
import dev.andon.core.scheduler.quartz.SchedulerNode;
import dev.andon.core.scheduler.quartz.SchedulerNodeConfig;
import dev.andon.core.store.HistoryQuery;
import dev.andon.core.store.RunRecord;
import dev.andon.core.store.StoreException;
import dev.andon.core.store.jdbc.JdbcAndonStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.concurrent.Callable;
import org.quartz.CronExpression;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = {"List the schedules of a directory: mode, leashed or not, next fire time (from the daemon's job store),",
            "and the last outcome recorded in history. Exit code 2 when a file is invalid."})
public final class ScheduleListCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");
    private static final int HISTORY_SCAN = 1000;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", defaultValue = "experiments/schedules", description = "Directory of Schedule files (default: ${DEFAULT-VALUE}).")
    Path directory;

    @Mixin
    StoreOptions storeOptions;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ScheduleCatalog.Snapshot snapshot = ScheduleFiles.load(directory, spec.commandLine().getErr());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "MODE", "LEASHED", "NEXT FIRE", "LAST OUTCOME"});
        try (JdbcAndonStore store = JdbcAndonStore.open(storeOptions.config(System.getenv()))) {
            Map<String, Optional<Instant>> registered = registeredFireTimes(store);
            List<RunRecord> recent = store.runs().query(HistoryQuery.all().limit(HISTORY_SCAN));
            for (Schedule s : snapshot.schedules().values()) {
                rows.add(new String[] {s.name(), mode(s), s.leashed() ? "yes" : "NO", nextFire(s, registered), lastOutcome(s, recent)});
            }
        } catch (StoreException e) {
            throw new UserError(ExitCodes.PLATFORM_ERROR, e.getMessage(), e);
        }
        Table.print(out, rows);
        out.flush();
        return snapshot.problems().isEmpty() ? 0 : ExitCodes.INVALID_INPUT;
    }

    /** The job store's next fire times, read by a scheduler node that is never started (it fires nothing). */
    private static Map<String, Optional<Instant>> registeredFireTimes(JdbcAndonStore store) throws org.quartz.SchedulerException {
        FiringHandler none = new FiringHandler() {
            @Override
            public void fired(String schedule, Instant scheduledAt) {
                throw new IllegalStateException("a listing node never fires");
            }

            @Override
            public void missed(String schedule, Instant scheduledAt) {
            }
        };
        String id = "list-" + ProcessHandle.current().pid();
        try (SchedulerNode reader = SchedulerNode.create(store.dataSource(), store.description().startsWith("PostgreSQL"),
                SchedulerNodeConfig.defaults(id, 0), none, Clock.systemUTC())) {
            return reader.nextFireTimes();
        }
    }

    private static String mode(Schedule s) {
        if (s.cadence() instanceof Cadence.Cron cron) {
            return "cron " + cron.expression() + " " + cron.zone().getId();
        }
        return "monkey every ~" + fmt(((Cadence.ChaosMonkey) s.cadence()).meanWorkdaysBetweenKills()) + " workdays " + s.window().map(KillWindow::describe).orElse("");
    }

    private static String nextFire(Schedule s, Map<String, Optional<Instant>> registered) {
        ZoneId zone = s.window().map(KillWindow::zone).orElse(s.cadence() instanceof Cadence.Cron c ? c.zone() : ZoneOffset.UTC);
        Optional<Instant> next = registered.getOrDefault(s.name(), Optional.empty());
        if (next.isPresent()) {
            return WHEN.format(next.get().atZone(zone));
        }
        if (!registered.containsKey(s.name())) {
            if (s.cadence() instanceof Cadence.Cron cron) {
                try {
                    CronExpression expression = new CronExpression(cron.expression());
                    expression.setTimeZone(TimeZone.getTimeZone(cron.zone()));
                    Date d = expression.getNextValidTimeAfter(new Date());
                    return d == null ? "never" : WHEN.format(d.toInstant().atZone(zone)) + " (daemon not running it yet)";
                } catch (java.text.ParseException e) {
                    return "invalid cron";
                }
            }
            return "(daemon not running it yet)";
        }
        return s.cadence() instanceof Cadence.ChaosMonkey ? "not picked today; replanned daily" : "never";
    }

    private static String lastOutcome(Schedule s, List<RunRecord> recent) {
        return recent.stream().filter(r -> r.trigger().equals(s.trigger())).findFirst()
                .map(r -> r.status().spelling() + " " + WHEN.format(r.started().atZone(ZoneOffset.UTC))
                        + (r.reason().isEmpty() ? "" : ": " + shorten(r.reason())))
                .orElse("-");
    }

    private static String shorten(String reason) {
        return reason.length() <= 60 ? reason : reason.substring(0, 59) + "…";
    }

    static String fmt(double d) {
        return d == Math.floor(d) ? Long.toString((long) d) : Double.toString(d);
    }

}
