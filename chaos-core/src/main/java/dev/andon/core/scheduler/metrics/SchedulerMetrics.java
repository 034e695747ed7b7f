package dev.andon.core.scheduler.metrics;

import dev.andon.core.engine.ActionRecord;
import dev.andon.core.engine.RunListener;
import dev.andon.core.engine.RunResult;
import dev.andon.core.scheduler.SchedulerEvents;
import dev.andon.core.scheduler.SkipReason;
import dev.andon.core.store.CordEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The daemon's Prometheus metrics: runs by outcome, skips by reason, kills, halts, time to recovery as a
 * histogram, and each schedule's next fire time.
 *
 * <pre>
 * andon_runs_total{outcome="held",trigger="schedule:shop"}
 * andon_skips_total{reason="outside-window",schedule="shop"}
 * andon_kills_total{action="process.kill"}
 * andon_halts_total, andon_halted
 * andon_time_to_recovery_seconds_bucket{le=...}
 * andon_schedule_next_fire_timestamp_seconds{schedule="shop"}
 * </pre>
 */
public final class SchedulerMetrics implements SchedulerEvents {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Double> nextFire = new ConcurrentHashMap<>();
    private final AtomicInteger halted = new AtomicInteger();
    private final Timer timeToRecovery;

    public SchedulerMetrics() {
        timeToRecovery = Timer.builder("andon.time.to.recovery")
                .description("From the first injection to the hypothesis holding again, for runs where it broke")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(100))
                .maximumExpectedValue(Duration.ofMinutes(30))
                .register(registry);
        Gauge.builder("andon.halted", halted, AtomicInteger::get).description("1 while the andon cord is pulled").register(registry);
        Counter.builder("andon.halts").description("Times the andon cord was pulled").register(registry);
    }

    /** Counts the runs, kills and recoveries of one run; add it to every run's listeners. */
    public RunListener runListener() {
        return new RunListener() {
            @Override
            public void actionFinished(ActionRecord record) {
                if ("method".equals(record.kind()) && record.status() == ActionRecord.Status.DONE) {
                    Counter.builder("andon.kills").description("Faults injected into targets (leashed runs inject none)")
                            .tag("action", record.action()).register(registry).increment();
                }
            }

            @Override
            public void runFinished(RunResult result) {
                result.timeToRecovery().ifPresent(timeToRecovery::record);
            }
        };
    }

    /** Counts a finished run by outcome; the trigger tells scheduled runs from one-off ones. */
    public void runFinished(String trigger, RunResult result) {
        Counter.builder("andon.runs").description("Runs by outcome")
                .tag("outcome", result.outcome().spelling()).tag("trigger", trigger).register(registry).increment();
    }

    @Override
    public void finished(String schedule, RunResult result) {
        runFinished("schedule:" + schedule, result);
    }

    @Override
    public void skipped(String schedule, SkipReason reason, Instant at) {
        Counter.builder("andon.skips").description("Scheduled runs skipped, by reason")
                .tag("reason", reason.category()).tag("schedule", schedule).register(registry).increment();
    }

    @Override
    public void cordChanged(CordEvent event) {
        if (event.kind() == CordEvent.Kind.HALT) {
            registry.counter("andon.halts").increment();
            halted.set(1);
        } else {
            halted.set(0);
        }
    }

    /** Sets the schedules' next fire times; a schedule with none (or removed) reads NaN. */
    public void nextFireTimes(Map<String, Optional<Instant>> next) {
        for (String known : nextFire.keySet()) {
            if (!next.containsKey(known)) {
                nextFire.put(known, Double.NaN);
            }
        }
        next.forEach((schedule, at) -> {
            boolean isNew = !nextFire.containsKey(schedule);
            nextFire.put(schedule, at.map(i -> i.toEpochMilli() / 1000.0).orElse(Double.NaN));
            if (isNew) {
                Gauge.builder("andon.schedule.next.fire.timestamp", nextFire, m -> m.getOrDefault(schedule, Double.NaN))
                        .description("When the schedule fires next, in seconds since the epoch")
                        .baseUnit("seconds").tag("schedule", schedule).register(registry);
            }
        });
    }

    /** The Prometheus text exposition of every metric. */
    public String scrape() {
        return registry.scrape();
    }
}
