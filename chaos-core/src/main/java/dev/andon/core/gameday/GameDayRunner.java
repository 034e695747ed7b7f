package dev.andon.core.gameday;

import dev.andon.core.engine.ActionRecord;
import dev.andon.core.engine.ProbeSample;
import dev.andon.core.engine.RunIds;
import dev.andon.core.engine.RunListener;
import dev.andon.core.engine.RunOptions;
import dev.andon.core.engine.RunResult;
import dev.andon.core.engine.StopSignal;
import dev.andon.core.load.InvalidFileException;
import dev.andon.core.load.Problem;
import dev.andon.core.model.Experiment;
import dev.andon.core.report.RunTrace;
import dev.andon.core.report.RunTraceRecorder;
import dev.andon.core.spi.PluginRegistry;
import dev.andon.core.spi.Target;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a game day's steps in order. Between and during steps it watches the abort criteria and the operator's
 * controls; a halt stops the running experiment (its rollbacks run) and starts nothing more. Every event goes
 * to the listener, which keeps the timeline.
 */
public final class GameDayRunner {

    /** How often waits and checkpoints look at the controls and the abort criteria. */
    static final Duration POLL = Duration.ofMillis(100);

    private final ExperimentSteps experiments;
    private final PluginRegistry registry;
    private final Clock clock;

    public GameDayRunner(ExperimentSteps experiments, PluginRegistry registry, Clock clock) {
        this.experiments = experiments;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * Loads every experiment step, so that a mistake in the last step is found before the first one runs.
     *
     * @throws InvalidFileException with the problems of every experiment file
     */
    public Map<GameDayStep.ExperimentStep, Experiment> prepare(GameDay gameDay) throws InvalidFileException {
        Map<GameDayStep.ExperimentStep, Experiment> loaded = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (GameDayStep step : gameDay.steps()) {
            if (step instanceof GameDayStep.ExperimentStep e) {
                try {
                    loaded.put(e, experiments.load(e.file(), variables(gameDay, e)));
                } catch (InvalidFileException invalid) {
                    problems.addAll(invalid.problems());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFileException(problems);
        }
        return loaded;
    }

    static Map<String, String> variables(GameDay gameDay, GameDayStep.ExperimentStep step) {
        Map<String, String> merged = new LinkedHashMap<>(gameDay.variables());
        merged.putAll(step.variables());
        return merged;
    }

    public GameDayResult run(GameDay gameDay, GameDayOptions options, CheckpointAnswers answers, OperatorControls controls,
            GameDayListener listener) throws InvalidFileException {
        Map<GameDayStep.ExperimentStep, Experiment> loaded = prepare(gameDay);
        Session session = new Session(gameDay, options, answers, controls, new SerialListener(listener), loaded);
        try (AbortWatch watch = new AbortWatch(gameDay.abort(), registry, gameDay.name(), clock)) {
            session.watch = watch;
            return session.run();
        }
    }

    /** Events come from the runner's thread and the engine's probe threads; the listener sees one at a time. */
    private record SerialListener(GameDayListener delegate) implements GameDayListener {
        @Override
        public synchronized void on(GameDayEvent event) {
            delegate.on(event);
        }
    }

    private final class Session {
        private final GameDay gameDay;
        private final GameDayOptions options;
        private final CheckpointAnswers answers;
        private final OperatorControls controls;
        private final GameDayListener listener;
        private final Map<GameDayStep.ExperimentStep, Experiment> experimentsByStep;
        private final List<GameDayEvent.StepEnded> ended = new ArrayList<>();
        private final List<RunTrace> runs = new ArrayList<>();
        private AbortWatch watch;
        private volatile String haltReason;
        private volatile boolean interrupted;
        private volatile int current;

        Session(GameDay gameDay, GameDayOptions options, CheckpointAnswers answers, OperatorControls controls,
                GameDayListener listener, Map<GameDayStep.ExperimentStep, Experiment> experimentsByStep) {
            this.gameDay = gameDay;
            this.options = options;
            this.answers = answers;
            this.controls = controls;
            this.listener = listener;
            this.experimentsByStep = experimentsByStep;
        }

        GameDayResult run() {
            Instant started = clock.instant();
            listener.on(new GameDayEvent.Started(started, gameDay));
            watch.start();
            String failure = null;
            List<GameDayStep> steps = gameDay.steps();
            for (int i = 0; i < steps.size() && failure == null; i++) {
                current = i + 1;
                flushNotes();
                if (halted()) {
                    break;
                }
                GameDayStep step = steps.get(i);
                Optional<GameDayStep> next = i + 1 < steps.size() ? Optional.of(steps.get(i + 1)) : Optional.empty();
                listener.on(new GameDayEvent.StepStarted(clock.instant(), current, step, next));
                GameDayEvent.StepEnded end;
                try {
                    end = runStep(step);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    controls.halt("interrupted");
                    end = new GameDayEvent.StepEnded(clock.instant(), current, step, "halted", "interrupted", Optional.empty());
                } catch (RuntimeException e) {
                    failure = "step " + current + " (" + step.name() + ") failed: " + e.getMessage();
                    end = new GameDayEvent.StepEnded(clock.instant(), current, step, "failed", String.valueOf(e.getMessage()), Optional.empty());
                }
                flushNotes();
                halted();
                ended.add(end);
                listener.on(end);
                controls.clearSkip();
            }
            current = 0;
            flushNotes();
            GameDayOutcome outcome;
            String reason;
            if (failure != null) {
                outcome = GameDayOutcome.FAILED;
                reason = failure;
            } else if (haltReason != null) {
                outcome = interrupted ? GameDayOutcome.INTERRUPTED : GameDayOutcome.HALTED;
                reason = haltReason;
            } else {
                List<String> findings = findings();
                outcome = findings.isEmpty() ? GameDayOutcome.COMPLETED : GameDayOutcome.COMPLETED_WITH_FINDINGS;
                reason = findings.isEmpty() ? "every step ran; every experiment held and every checkpoint was answered yes"
                        : String.join("; ", findings);
            }
            Instant end = clock.instant();
            listener.on(new GameDayEvent.Ended(end, outcome, reason));
            return new GameDayResult(outcome, reason, started, end, ended, runs);
        }

        private List<String> findings() {
            List<String> findings = new ArrayList<>();
            for (GameDayEvent.StepEnded e : ended) {
                if (e.what() instanceof GameDayStep.ExperimentStep && !e.outcome().equals("held") && !e.outcome().equals("skipped")) {
                    findings.add(e.what().name() + " " + e.outcome());
                } else if (e.what() instanceof GameDayStep.Checkpoint && e.outcome().equals("no")) {
                    findings.add("'" + ((GameDayStep.Checkpoint) e.what()).question() + "' answered no");
                }
            }
            return findings;
        }

        /** True once the cord is pulled or an abort criterion tripped; the first time, the halt is journaled. */
        private synchronized boolean halted() {
            if (haltReason != null) {
                return true;
            }
            Optional<String> keyboard = controls.haltReason();
            Optional<StopSignal.Stop> shared = keyboard.isPresent() ? Optional.empty() : options.cord().poll();
            Optional<StopSignal.Stop> abort = keyboard.isPresent() || shared.isPresent() ? Optional.empty() : watch.poll();
            if (keyboard.isEmpty() && shared.isEmpty() && abort.isEmpty()) {
                return false;
            }
            haltReason = keyboard.or(() -> shared.map(StopSignal.Stop::reason)).orElseGet(() -> abort.get().reason());
            Instant at = keyboard.isPresent() ? controls.haltedAt().orElseGet(clock::instant) : clock.instant();
            interrupted = shared.map(StopSignal.Stop::interrupted).orElse(false);
            listener.on(new GameDayEvent.Halted(at, current, abort.isPresent() ? "abort-criterion" : interrupted ? "signal" : "cord", haltReason));
            return true;
        }

        private synchronized void flushNotes() {
            for (GameDayEvent.Noted n : controls.drainNotes()) {
                listener.on(new GameDayEvent.Noted(n.at(), current, n.text(), n.source()));
            }
        }

        private GameDayEvent.StepEnded runStep(GameDayStep step) throws InterruptedException {
            if (step instanceof GameDayStep.ExperimentStep e) {
                return experiment(e);
            }
            if (step instanceof GameDayStep.Checkpoint c) {
                return checkpoint(c);
            }
            if (step instanceof GameDayStep.Wait w) {
                return waitFor(w);
            }
            GameDayStep.Note note = (GameDayStep.Note) step;
            listener.on(new GameDayEvent.Noted(clock.instant(), current, note.text(), "step"));
            return endOf(step, "done", note.text());
        }

        private GameDayEvent.StepEnded endOf(GameDayStep step, String outcome, String summary) {
            return new GameDayEvent.StepEnded(clock.instant(), current, step, outcome, summary, Optional.empty());
        }

        private GameDayEvent.StepEnded waitFor(GameDayStep.Wait wait) throws InterruptedException {
            Instant until = clock.instant().plus(wait.duration());
            Instant nextTick = clock.instant();
            while (true) {
                Instant now = clock.instant();
                if (!now.isBefore(until)) {
                    return endOf(wait, "done", "waited " + dev.andon.core.model.Durations.format(wait.duration()));
                }
                if (!now.isBefore(nextTick)) {
                    listener.on(new GameDayEvent.Countdown(now, current, Duration.between(now, until)));
                    nextTick = nextTick.plusSeconds(1);
                }
                if (halted()) {
                    return endOf(wait, "halted", haltReason);
                }
                if (controls.skipRequested()) {
                    return endOf(wait, "skipped", "skipped by the operator with " + Duration.between(now, until).toSeconds() + "s left");
                }
                flushNotes();
                Thread.sleep(Math.min(POLL.toMillis(), Math.max(1, Duration.between(now, until).toMillis())));
            }
        }

        private GameDayEvent.StepEnded checkpoint(GameDayStep.Checkpoint checkpoint) throws InterruptedException {
            while (true) {
                if (halted()) {
                    answers.abandoned(current, checkpoint);
                    return endOf(checkpoint, "halted", haltReason);
                }
                if (controls.skipRequested()) {
                    answers.abandoned(current, checkpoint);
                    return endOf(checkpoint, "skipped", "skipped by the operator without an answer");
                }
                flushNotes();
                Optional<Answer> answer = answers.poll(current, checkpoint, POLL);
                if (answer.isPresent()) {
                    Answer a = answer.get();
                    listener.on(new GameDayEvent.Answered(clock.instant(), current, checkpoint.question(), a.yes(), a.note(), a.by()));
                    return endOf(checkpoint, a.yes() ? "yes" : "no", a.note());
                }
            }
        }

        private GameDayEvent.StepEnded experiment(GameDayStep.ExperimentStep step) {
            Experiment experiment = experimentsByStep.get(step);
            String runId = RunIds.next(clock.instant());
            RunTraceRecorder recorder = new RunTraceRecorder();
            // The first signal journals notes and a halt as they happen, so the timeline shows the halt before the rollbacks it causes.
            StopSignal stop = StopSignal.anyOf(List.of(() -> {
                flushNotes();
                halted();
                return Optional.empty();
            }, controls.asStopSignal(), options.cord(), watch));
            RunOptions runOptions = new RunOptions(runId, options.seed() + current - 1, options.dryRun(), Map.of(), stop,
                    "gameday:" + gameDay.name());
            RunListener events = new StepRunEvents(current, listener);
            RunResult result = experiments.run(experiment, runOptions,
                    RunListener.all(List.of(recorder, events, options.runListeners().apply(runId, experiment.name()))));
            RunTrace trace = recorder.trace(clock.instant());
            runs.add(trace);
            String outcome = result.outcome().spelling();
            if (halted()) {
                outcome = "halted";
            } else if (controls.skipRequested()) {
                outcome = "skipped";
            }
            String summary = result.outcome().spelling() + ": " + result.reason()
                    + result.timeToRecovery().map(d -> "; recovered in " + dev.andon.core.model.Durations.seconds(d)).orElse("");
            return new GameDayEvent.StepEnded(clock.instant(), current, step, outcome, summary, Optional.of(trace));
        }
    }

    /** Turns a run's events into timeline events of the step that runs it. */
    private record StepRunEvents(int step, GameDayListener listener) implements RunListener {

        @Override
        public void actionFinished(ActionRecord r) {
            String target = r.target().map(Target::name).orElse("");
            if (r.kind().equals("method")) {
                if (r.status() == ActionRecord.Status.DONE || r.status() == ActionRecord.Status.REHEARSED
                        || r.status() == ActionRecord.Status.FAILED) {
                    listener.on(new GameDayEvent.Injected(r.started(), step, r.action(), target,
                            r.status().spelling() + ": " + r.summary() + r.error().map(e -> " (" + e + ")").orElse("")));
                }
            } else {
                listener.on(new GameDayEvent.RolledBack(r.ended(), step, r.action(), target, r.status().spelling(), r.summary()));
            }
        }

        @Override
        public void undoFinished(String undoId, ActionRecord r) {
            listener.on(new GameDayEvent.RolledBack(r.ended(), step, r.action(), r.target().map(Target::name).orElse(""),
                    r.status().spelling(), r.summary()));
        }

        @Override
        public void probeSampled(ProbeSample sample) {
            listener.on(new GameDayEvent.Sampled(sample.at(), step, sample));
        }

        @Override
        public void hypothesisChanged(boolean holds, Instant at, String reason) {
            listener.on(new GameDayEvent.HypothesisChanged(at, step, holds, reason));
        }

        @Override
        public void note(String message, Instant at) {
            listener.on(new GameDayEvent.Noted(at, step, message, "experiment"));
        }
    }
}
