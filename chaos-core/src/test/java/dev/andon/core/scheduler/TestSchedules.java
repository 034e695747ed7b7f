package dev.andon.core.scheduler;

import dev.andon.core.model.Metadata;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Schedules built in code for tests of the planner and the guards. */
final class TestSchedules {

    private TestSchedules() {
    }

    static KillWindow window(String zone, int startHour, int endHour) {
        return new KillWindow(KillWindow.WEEKDAYS, LocalTime.of(startHour, 0), LocalTime.of(endHour, 0), ZoneId.of(zone));
    }

    static KillWindow window(Set<DayOfWeek> days, String zone, int startHour, int endHour) {
        return new KillWindow(days, LocalTime.of(startHour, 0), LocalTime.of(endHour, 0), ZoneId.of(zone));
    }

    static Schedule monkey(String name, double mean, KillWindow window, QuietDays quietDays, KillLimits limits) {
        return new Schedule(Path.of(name + ".yaml"), new Metadata(name, "", Map.of()), Path.of("experiment.yaml"), Map.of(),
                true, new Cadence.ChaosMonkey(mean), Optional.of(window), quietDays, limits, Optional.empty());
    }

    static Schedule cron(String name, String expression, Optional<KillWindow> window, KillLimits limits, boolean leashed) {
        return new Schedule(Path.of(name + ".yaml"), new Metadata(name, "", Map.of()), Path.of("experiment.yaml"), Map.of(),
                leashed, new Cadence.Cron(expression, ZoneId.of("UTC")), window, QuietDays.NONE, limits, Optional.empty());
    }
}
