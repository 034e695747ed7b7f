package dev.andon.core.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One experiment's runs over time: the measure that shows a team getting better is time to recovery going
 * down and the hypothesis pass rate going up.
 *
 * @param experiment the experiment's name
 * @param points     one per run, oldest first (dry runs are left out: nothing was injected)
 */
public record Trend(String experiment, List<Point> points) {

    public Trend {
        points = List.copyOf(points);
    }

    /**
     * @param timeToRecovery empty when the hypothesis never broke (or the run never injected)
     * @param passRate       share of passing hypothesis samples, empty without samples
     */
    public record Point(String runId, Instant at, String outcome, Optional<Duration> timeToRecovery, boolean recoveryTimedOut,
            Optional<Double> passRate) {
    }

    /** Trends of every experiment that ran, in name order. */
    public static List<Trend> of(List<RunTrace> runs) {
        Map<String, List<Point>> byExperiment = new LinkedHashMap<>();
        runs.stream()
                .filter(r -> !r.dryRun())
                .sorted(Comparator.comparing(RunTrace::started))
                .forEach(r -> byExperiment.computeIfAbsent(r.experiment(), k -> new ArrayList<>())
                        .add(new Point(r.runId(), r.started(), r.outcome(), r.timeToRecovery(), r.recoveryTimedOut(), r.passRate())));
        return byExperiment.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> new Trend(e.getKey(), e.getValue())).toList();
    }

    public long held() {
        return points.stream().filter(p -> p.outcome().equals("held")).count();
    }

    /** Median of the measured times to recovery. */
    public Optional<Duration> medianTimeToRecovery() {
        List<Duration> d = points.stream().flatMap(p -> p.timeToRecovery().stream()).sorted().toList();
        return d.isEmpty() ? Optional.empty() : Optional.of(d.get(d.size() / 2));
    }

    public Optional<Double> averagePassRate() {
        return points.stream().flatMap(p -> p.passRate().stream()).mapToDouble(Double::doubleValue).average().stream().boxed().findFirst();
    }
}
