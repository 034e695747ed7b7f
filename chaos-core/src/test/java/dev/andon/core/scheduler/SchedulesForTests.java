package dev.andon.core.scheduler;

import java.util.Optional;

/** Test schedules for other test packages. */
public final class SchedulesForTests {

    private SchedulesForTests() {
    }

    public static Schedule cron(String name, String expression, Optional<KillWindow> window, KillLimits limits, boolean leashed) {
        return TestSchedules.cron(name, expression, window, limits, leashed);
    }

    public static Schedule monkey(String name, double mean, KillWindow window) {
        return TestSchedules.monkey(name, mean, window, QuietDays.NONE, KillLimits.NONE);
    }
}
