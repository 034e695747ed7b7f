package dev.andon.core.scheduler.guard;

import dev.andon.core.engine.RunOptions;
import dev.andon.core.model.Experiment;
import dev.andon.core.scheduler.Cadence;
import dev.andon.core.scheduler.KillWindow;
import dev.andon.core.scheduler.Schedule;
import dev.andon.core.scheduler.ScheduleGuard;
import dev.andon.core.scheduler.SkipReason;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Outside the kill window, on a holiday, a blackout date or in a freeze: skip. Checked at run time as well as
 * when planning, because a cron expression may fire outside the window and a holiday file may change after
 * the plan was made.
 */
public final class WindowGuard implements ScheduleGuard {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE HH:mm", java.util.Locale.ROOT);

    @Override
    public Optional<SkipReason> check(Schedule schedule, Experiment experiment, RunOptions options, Instant now) {
        ZoneId zone = schedule.window().map(KillWindow::zone)
                .orElse(schedule.cadence() instanceof Cadence.Cron cron ? cron.zone() : ZoneOffset.UTC);
        LocalDate today = now.atZone(zone).toLocalDate();
        Optional<String> quiet = schedule.quietDays().reason(today);
        if (quiet.isPresent()) {
            return Optional.of(new SkipReason(SkipReason.QUIET_DAY, "no chaos today: " + quiet.get()));
        }
        return schedule.window().filter(w -> !w.contains(now)).map(w -> new SkipReason(SkipReason.OUTSIDE_WINDOW,
                "outside the kill window " + days(w) + " " + w.describe() + " (it is " + LOCAL.format(now.atZone(w.zone())) + ")"));
    }

    private static String days(KillWindow w) {
        return w.days().stream().sorted().map(d -> d.name().substring(0, 3)).reduce((a, b) -> a + "," + b).orElse("");
    }
}
