package dev.andon.core.scheduler.guard;

import dev.andon.core.engine.RunOptions;
import dev.andon.core.model.Experiment;
import dev.andon.core.scheduler.Cadence;
import dev.andon.core.scheduler.KillWindow;
import dev.andon.core.scheduler.MinimumGap;
import dev.andon.core.scheduler.Schedule;
import dev.andon.core.scheduler.ScheduleGuard;
import dev.andon.core.scheduler.SkipReason;
import dev.andon.core.store.Termination;
import dev.andon.core.store.TerminationDecision;
import dev.andon.core.store.TerminationLimits;
import dev.andon.core.store.TerminationTracker;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Minimum time between kills and maximum kills per day, checked and recorded in one transaction by the
 * store (a row lock per group), so two nodes firing at once cannot both pass. Must be the last guard: when it
 * passes, the kill is already recorded (Chaos Monkey records the termination before it kills).
 *
 * <p>The group is the schedule. A leashed schedule counts its would-be kills in a group of its own, so it
 * rehearses its limits faithfully without holding back a real schedule of the same name after it is unleashed.
 */
public final class KillLimitGuard implements ScheduleGuard {

    private final TerminationTracker terminations;

    public KillLimitGuard(TerminationTracker terminations) {
        this.terminations = terminations;
    }

    /** The termination group of a schedule's kills. */
    public static String group(Schedule schedule) {
        return (schedule.leashed() ? "leashed:" : "schedule:") + schedule.name();
    }

    @Override
    public Optional<SkipReason> check(Schedule schedule, Experiment experiment, RunOptions options, Instant now) {
        ZoneId zone = zone(schedule);
        Duration minGap = schedule.limits().minimumGap()
                .map(gap -> Duration.between(gap.blockingSince(now, schedule.workdays(), zone), now))
                .orElse(Duration.ZERO);
        OptionalInt maxPerDay = schedule.limits().maxKillsPerDay().map(OptionalInt::of).orElse(OptionalInt.empty());
        Instant dayStart = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
        Termination termination = new Termination("run:" + options.runId(), group(schedule), experiment.name(), options.runId(), now);
        TerminationDecision decision = terminations.recordIfAllowed(termination, new TerminationLimits(minGap, maxPerDay, dayStart));
        return decision.refusal().map(reason -> new SkipReason(
                reason.startsWith("maximum") ? SkipReason.MAX_PER_DAY : SkipReason.MIN_TIME,
                schedule.limits().minimumGap().filter(g -> reason.startsWith("minimum")).map(MinimumGap::describe)
                        .map(written -> reason + " (minTimeBetweenKills: " + written + ")").orElse(reason)));
    }

    private static ZoneId zone(Schedule schedule) {
        return schedule.window().map(KillWindow::zone)
                .orElse(schedule.cadence() instanceof Cadence.Cron cron ? cron.zone() : ZoneOffset.UTC);
    }
}
