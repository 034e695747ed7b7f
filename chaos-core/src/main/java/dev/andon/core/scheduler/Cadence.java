package dev.andon.core.scheduler;

import java.time.ZoneId;

/** When a schedule fires. */
public sealed interface Cadence {

    /**
     * A Quartz cron expression (seconds first: {@code 0 30 10 ? * MON-FRI}) in a time zone.
     *
     * @param expression the cron expression as written
     * @param zone       the zone it is read in
     */
    record Cron(String expression, ZoneId zone) implements Cadence {
    }

    /**
     * Chaos Monkey mode: each workday inside the window the schedule is chosen with probability
     * {@code 1 / meanWorkdaysBetweenKills} and runs at a random minute inside the window.
     *
     * @param meanWorkdaysBetweenKills the mean number of workdays between two kills, at least 1
     */
    record ChaosMonkey(double meanWorkdaysBetweenKills) implements Cadence {

        public ChaosMonkey {
            if (!(meanWorkdaysBetweenKills >= 1)) {
                throw new IllegalArgumentException("meanTimeBetweenKills must be at least 1 workday, but was " + meanWorkdaysBetweenKills);
            }
        }

        /** The chance of being picked on one workday. */
        public double dailyProbability() {
            return 1.0 / meanWorkdaysBetweenKills;
        }
    }
}
