package dev.andon.core.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.andon.core.scheduler.calendar.CountryHolidays;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChaosMonkeyPlannerTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 5);
    private static final int WORKDAYS = 10_000;

    /** One kill that passed the minimum-gap check, with the index of its workday. */
    private record Kill(int workday, Instant at) {
    }

    /**
     * Plans day after day as the daemon does, applying the minimum gap at kill time the way the guard does, until
     * {@code workdays} workdays have passed.
     */
    private static List<Kill> simulate(Schedule schedule, long seed, int workdays) {
        ChaosMonkeyPlanner planner = new ChaosMonkeyPlanner(seed);
        KillWindow window = schedule.window().orElseThrow();
        List<Kill> kills = new ArrayList<>();
        int workday = 0;
        for (LocalDate date = START; workday < workdays; date = date.plusDays(1)) {
            if (!schedule.workdays().isWorkday(date)) {
                assertThat(planner.plan(date, List.of(schedule))).as("nothing planned on %s", date).isEmpty();
                continue;
            }
            workday++;
            for (PlannedKill planned : planner.plan(date, List.of(schedule))) {
                Optional<Instant> earliest = kills.isEmpty() ? Optional.empty() : schedule.limits().minimumGap()
                        .map(gap -> gap.earliestAfter(kills.get(kills.size() - 1).at(), schedule.workdays(), window.zone()));
                if (earliest.isEmpty() || !planned.at().isBefore(earliest.get())) {
                    kills.add(new Kill(workday, planned.at()));
                }
            }
        }
        return kills;
    }

    @ParameterizedTest(name = "mean {0} workdays")
    @ValueSource(doubles = {1.0, 2.0, 5.0, 10.0})
    @DisplayName("over 10,000 workdays the mean interval between kills is within 5% of the configured mean")
    void meanInterval(double mean) {
        long seed = 20261126L;
        Schedule schedule = TestSchedules.monkey("shop", mean, TestSchedules.window("Europe/Berlin", 9, 15), QuietDays.NONE, KillLimits.NONE);

        List<Kill> kills = simulate(schedule, seed, WORKDAYS);

        double meanInterval = (double) (kills.get(kills.size() - 1).workday() - kills.get(0).workday()) / (kills.size() - 1);
        assertThat(meanInterval).as("seed %d, %d kills", seed, kills.size()).isCloseTo(mean, org.assertj.core.data.Percentage.withPercentage(5));
    }

    @Test
    @DisplayName("no interval is ever below a minimum written in workdays, and the minimum pushes the mean up")
    void minimumInWorkdays() {
        long seed = 7L;
        Schedule schedule = TestSchedules.monkey("shop", 2, TestSchedules.window("UTC", 9, 15), QuietDays.NONE,
                new KillLimits(Optional.of(MinimumGap.ofWorkdays(3)), Optional.empty()));

        List<Kill> kills = simulate(schedule, seed, WORKDAYS);

        for (int i = 1; i < kills.size(); i++) {
            assertThat(kills.get(i).workday() - kills.get(i - 1).workday()).as("seed %d, kill %d", seed, i).isGreaterThanOrEqualTo(3);
        }
        assertThat(kills).hasSizeGreaterThan(1000);
    }

    @Test
    @DisplayName("no interval is ever below a minimum written as a duration")
    void minimumAsDuration() {
        long seed = 99L;
        Duration min = Duration.ofHours(30);
        Schedule schedule = TestSchedules.monkey("shop", 1, TestSchedules.window("America/New_York", 9, 17), QuietDays.NONE,
                new KillLimits(Optional.of(MinimumGap.of(min)), Optional.empty()));

        List<Kill> kills = simulate(schedule, seed, WORKDAYS);

        for (int i = 1; i < kills.size(); i++) {
            assertThat(Duration.between(kills.get(i - 1).at(), kills.get(i).at())).as("seed %d", seed).isGreaterThanOrEqualTo(min);
        }
    }

    @Test
    @DisplayName("plans only inside the window's hours and days, across both DST changes of the year")
    void windowAndDst() {
        ZoneId newYork = ZoneId.of("America/New_York");
        Schedule schedule = TestSchedules.monkey("shop", 1, TestSchedules.window("America/New_York", 10, 16), QuietDays.NONE, KillLimits.NONE);
        ChaosMonkeyPlanner planner = new ChaosMonkeyPlanner(3);

        List<PlannedKill> year = planner.plan(LocalDate.of(2026, 1, 1), 365, List.of(schedule));

        assertThat(year).hasSize(261); // every weekday of 2026, mean 1
        for (PlannedKill kill : year) {
            ZonedDateTime local = kill.at().atZone(newYork);
            assertThat(local.toLocalTime()).as("%s", local).isBetween(LocalTime.of(10, 0), LocalTime.of(15, 59));
            assertThat(local.getDayOfWeek().getValue()).isLessThanOrEqualTo(5);
        }
        // The Monday after each change: local hours hold, UTC offsets differ.
        assertThat(year).anySatisfy(k -> assertThat(k.at().atZone(newYork).toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 9)));
        assertThat(year).anySatisfy(k -> assertThat(k.at().atZone(newYork).toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 2)));
    }

    @Test
    @DisplayName("a window spanning the spring-forward gap is an hour shorter and every pick is a real local time")
    void windowOverTheGap() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // 2026-03-29 02:00 does not exist in Berlin; the window opens every day of the week for this test.
        KillWindow window = TestSchedules.window(Set.of(java.time.DayOfWeek.values()), "Europe/Berlin", 1, 4);
        Schedule schedule = TestSchedules.monkey("night", 1, window, QuietDays.NONE, KillLimits.NONE);
        LocalDate change = LocalDate.of(2026, 3, 29);

        assertThat(window.minutesOn(change)).isEqualTo(120);
        assertThat(window.minutesOn(change.plusDays(1))).isEqualTo(180);
        for (long seed = 0; seed < 200; seed++) {
            PlannedKill kill = new ChaosMonkeyPlanner(seed).plan(change, List.of(schedule)).get(0);
            LocalTime local = kill.at().atZone(berlin).toLocalTime();
            assertThat(local).as("seed %d", seed).isBetween(LocalTime.of(1, 0), LocalTime.of(3, 59));
            assertThat(local.getHour()).as("seed %d", seed).isNotEqualTo(2);
        }
    }

    @Test
    @DisplayName("never plans on holidays, blackout dates or inside a freeze")
    void quietDays() {
        QuietDays quiet = new QuietDays(List.of(CountryHolidays.US), Set.of(LocalDate.of(2026, 3, 2)),
                List.of(new QuietDays.Freeze(LocalDate.of(2026, 12, 14), LocalDate.of(2027, 1, 4), "year-end freeze")));
        Schedule schedule = TestSchedules.monkey("shop", 1, TestSchedules.window("America/Chicago", 9, 15), quiet, KillLimits.NONE);

        List<PlannedKill> kills = new ChaosMonkeyPlanner(11).plan(LocalDate.of(2026, 1, 1), 400, List.of(schedule));

        List<LocalDate> dates = kills.stream().map(k -> k.at().atZone(ZoneId.of("America/Chicago")).toLocalDate()).toList();
        assertThat(dates).doesNotContain(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 7, 3), LocalDate.of(2026, 11, 26),
                LocalDate.of(2026, 12, 25), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 12, 14), LocalDate.of(2026, 12, 31),
                LocalDate.of(2027, 1, 4));
        assertThat(dates).contains(LocalDate.of(2026, 3, 3), LocalDate.of(2027, 1, 5));
        assertThat(schedule.workdays().reasonNotWorkday(LocalDate.of(2026, 11, 26))).hasValue("holiday: Thanksgiving Day (US)");
        assertThat(schedule.workdays().reasonNotWorkday(LocalDate.of(2026, 12, 15))).hasValue("freeze 2026-12-14 to 2027-01-04: year-end freeze");
    }

    @Test
    @DisplayName("the same seed gives the same plan, and adding a schedule does not change another's plan")
    void reproducible() {
        Schedule a = TestSchedules.monkey("a", 3, TestSchedules.window("UTC", 9, 15), QuietDays.NONE, KillLimits.NONE);
        Schedule b = TestSchedules.monkey("b", 3, TestSchedules.window("UTC", 9, 15), QuietDays.NONE, KillLimits.NONE);

        List<PlannedKill> alone = new ChaosMonkeyPlanner(42).plan(START, 60, List.of(a));
        List<PlannedKill> together = new ChaosMonkeyPlanner(42).plan(START, 60, List.of(a, b));

        assertThat(together.stream().filter(k -> k.schedule().equals("a")).toList()).isEqualTo(alone);
        assertThat(new ChaosMonkeyPlanner(42).plan(START, 60, List.of(a))).isEqualTo(alone);
        assertThat(new ChaosMonkeyPlanner(43).plan(START, 60, List.of(a))).isNotEqualTo(alone);
    }
}
