package dev.andon.core.scheduler;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.SplittableRandom;

/**
 * Chaos Monkey's daily plan: on each workday inside a schedule's window, the schedule is chosen with
 * probability {@code 1 / meanTimeBetweenKills} and planned at a random minute inside the window. Pure: the
 * same seed, schedules and dates give the same plan, so every node of a cluster and {@code andon schedule
 * preview} agree on it.
 *
 * <p>The minimum time between kills is not applied here: it is checked at kill time against the recorded
 * terminations, so a plan never goes stale when someone kills by hand in between.
 */
public final class ChaosMonkeyPlanner {

    private final long seed;

    /** @param seed the plan's seed; record it, it reproduces every plan */
    public ChaosMonkeyPlanner(long seed) {
        this.seed = seed;
    }

    /** The kills of one day, in time order. */
    public List<PlannedKill> plan(LocalDate date, List<Schedule> schedules) {
        List<PlannedKill> kills = new ArrayList<>();
        for (Schedule schedule : schedules) {
            planOne(date, schedule, randomFor(schedule, date)).ifPresent(kills::add);
        }
        kills.sort(Comparator.comparing(PlannedKill::at));
        return kills;
    }

    /** The kills of {@code days} days starting at {@code from}, in time order. */
    public List<PlannedKill> plan(LocalDate from, int days, List<Schedule> schedules) {
        List<PlannedKill> kills = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            kills.addAll(plan(from.plusDays(i), schedules));
        }
        return kills;
    }

    /**
     * Whether this schedule is picked on this date, and when, drawing from {@code random}. Not a workday, or not
     * a Chaos Monkey schedule: empty, and nothing is drawn.
     */
    public static Optional<PlannedKill> planOne(LocalDate date, Schedule schedule, RandomGenerator random) {
        if (!(schedule.cadence() instanceof Cadence.ChaosMonkey monkey) || schedule.window().isEmpty()) {
            return Optional.empty();
        }
        KillWindow window = schedule.window().get();
        if (!schedule.workdays().isWorkday(date)) {
            return Optional.empty();
        }
        if (random.nextDouble() >= monkey.dailyProbability()) {
            return Optional.empty();
        }
        long minutes = window.minutesOn(date);
        if (minutes <= 0) {
            return Optional.empty();
        }
        Instant at = window.opensAt(date).plusSeconds(60 * random.nextLong(minutes));
        return Optional.of(new PlannedKill(schedule.name(), at, schedule.leashed()));
    }

    /**
     * One generator per schedule and date, derived from the seed: planning a day twice (a restarted node, a
     * second node, a preview) gives the same answer, and adding a schedule does not change the others' plans.
     */
    RandomGenerator randomFor(Schedule schedule, LocalDate date) {
        long mixed = seed;
        mixed = mixed * 0x9E3779B97F4A7C15L + schedule.name().hashCode();
        mixed = mixed * 0x9E3779B97F4A7C15L + date.toEpochDay();
        return new SplittableRandom(mixed);
    }
}
