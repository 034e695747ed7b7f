package dev.andon.core.engine;

import dev.andon.core.model.MethodStep.ActionStep;
import dev.andon.core.spi.Action;
import dev.andon.core.spi.ActionEffect;
import dev.andon.core.spi.ActionRequest;
import dev.andon.core.spi.Compensation;
import dev.andon.core.spi.PluginRegistry;
import dev.andon.core.spi.ProviderException;
import dev.andon.core.spi.Target;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Applies action steps to their targets and keeps the undo log: each undo is announced to the listeners
 * (and so journaled) before its fault is injected, run once — by a timed revert or at rollback — and
 * never twice.
 */
final class ActionSteps {

    private final PluginRegistry registry;
    private final Clock clock;
    private final DefaultRunContext context;
    private final RunListener listener;
    private final RecoveryTracker tracker;
    private final UndoExecutor undoExecutor;
    private final boolean dryRun;
    private final BooleanSupplier stopping;
    private final Map<String, Compensation> pendingUndos = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<ActionRecord> methodRecords = Collections.synchronizedList(new ArrayList<>());
    private final List<ActionRecord> rollbackRecords = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger undoIds = new AtomicInteger();
    private final ScheduledThreadPoolExecutor reverts;

    ActionSteps(PluginRegistry registry, Clock clock, DefaultRunContext context, RunListener listener, RecoveryTracker tracker,
            UndoExecutor undoExecutor, boolean dryRun, BooleanSupplier stopping) {
        this.registry = registry;
        this.clock = clock;
        this.context = context;
        this.listener = listener;
        this.tracker = tracker;
        this.undoExecutor = undoExecutor;
        this.dryRun = dryRun;
        this.stopping = stopping;
        this.reverts = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "andon-timed-revert");
            t.setDaemon(true);
            return t;
        });
        // At rollback, delayed reverts still waiting are cancelled (rollback runs them now); one in progress finishes.
        reverts.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Applies the step to each target (or once), {@code concurrency} at a time. */
    void run(ActionStep step, String kind, Optional<List<Target>> targets) {
        Action action = registry.action(step.action())
                .orElseThrow(() -> new IllegalStateException("no action named '" + step.action() + "' (the loader should have refused the file)"));
        List<Optional<Target>> each = new ArrayList<>();
        if (action.takesTargets()) {
            targets.orElse(List.of()).forEach(t -> each.add(Optional.of(t)));
        } else {
            each.add(Optional.empty());
        }
        if (step.concurrency() <= 1 || each.size() <= 1) {
            each.forEach(t -> applyOne(action, step, kind, t));
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(step.concurrency(), each.size()));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Optional<Target> t : each) {
                futures.add(pool.submit(() -> applyOne(action, step, kind, t)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("applying " + step.action() + " failed: " + e, e);
        } finally {
            pool.shutdown();
        }
    }

    private void applyOne(Action action, ActionStep step, String kind, Optional<Target> target) {
        Instant started = clock.instant();
        boolean isMethod = kind.equals("method");
        if (isMethod && stopping.getAsBoolean()) {
            record(kind, new ActionRecord(kind, action.name(), target, started, clock.instant(), ActionRecord.Status.SKIPPED,
                    "not applied: the run is stopping", Map.of(), Optional.empty()));
            return;
        }
        ActionRequest request = new ActionRequest(target, step.parameters(), context);
        String undoId = null;
        try {
            if (dryRun) {
                ActionEffect effect = action.rehearse(request);
                record(kind, new ActionRecord(kind, action.name(), target, started, clock.instant(), ActionRecord.Status.REHEARSED,
                        effect.summary(), effect.details(), Optional.empty()));
                return;
            }
            if (isMethod) {
                Optional<Compensation> undo = action.plannedUndo(request);
                if (undo.isPresent()) {
                    undoId = "undo-" + undoIds.incrementAndGet();
                    pendingUndos.put(undoId, undo.get());
                    listener.undoPlanned(undoId, undo.get(), clock.instant());
                }
                tracker.injected(started);
            }
            ActionEffect effect = action.apply(request);
            record(kind, new ActionRecord(kind, action.name(), target, started, clock.instant(), ActionRecord.Status.DONE,
                    effect.summary(), effect.details(), Optional.empty()));
            if (undoId != null && step.revertAfter().isPresent()) {
                String id = undoId;
                reverts.schedule(() -> runUndo(id), step.revertAfter().get().toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ProviderException e) {
            boolean gone = e.kind() == ProviderException.Kind.NOT_FOUND;
            if (gone && undoId != null) {
                // The fault never happened: drop its undo rather than act on whatever now holds that name.
                Compensation dropped = pendingUndos.remove(undoId);
                if (dropped != null) {
                    listener.undoFinished(undoId, new ActionRecord("undo", dropped.action(), dropped.target(), clock.instant(),
                            clock.instant(), ActionRecord.Status.SKIPPED, "not needed: the fault was never injected", Map.of(), Optional.empty()));
                }
            }
            record(kind, new ActionRecord(kind, action.name(), target, started, clock.instant(),
                    gone ? ActionRecord.Status.TARGET_GONE : ActionRecord.Status.FAILED,
                    gone ? "target gone: " + e.getMessage() : action.name() + " failed", Map.of(),
                    gone ? Optional.empty() : Optional.of(e.getMessage())));
        } catch (RuntimeException e) {
            record(kind, new ActionRecord(kind, action.name(), target, started, clock.instant(), ActionRecord.Status.FAILED,
                    action.name() + " failed", Map.of(), Optional.of(e.toString())));
        }
    }

    private void record(String kind, ActionRecord r) {
        (kind.equals("method") ? methodRecords : rollbackRecords).add(r);
        listener.actionFinished(r);
    }

    private Optional<ActionRecord> runUndo(String undoId) {
        Compensation c = pendingUndos.remove(undoId);
        if (c == null) {
            return Optional.empty();
        }
        ActionRecord r = undoExecutor.execute(c, context);
        listener.undoFinished(undoId, r);
        return Optional.of(r);
    }

    /** Runs every undo not yet run, newest first; returns the first failure. */
    Optional<String> undoAll() {
        reverts.shutdown();
        try {
            reverts.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<String> ids;
        synchronized (pendingUndos) {
            ids = new ArrayList<>(pendingUndos.keySet());
        }
        Collections.reverse(ids);
        Optional<String> failure = Optional.empty();
        for (String id : ids) {
            Optional<ActionRecord> r = runUndo(id);
            if (failure.isEmpty() && r.isPresent() && r.get().status() == ActionRecord.Status.FAILED) {
                failure = Optional.of("undo failed: " + r.get().summary() + ": " + r.get().error().orElse(""));
            }
        }
        return failure;
    }

    Optional<String> firstFailure() {
        return firstFailed(methodRecords).map(r -> r.action() + r.target().map(t -> " on " + t.id()).orElse("") + " failed: " + r.error().orElse(""));
    }

    Optional<String> firstRollbackFailure() {
        return firstFailed(rollbackRecords).map(r -> "rollback " + r.action() + " failed: " + r.error().orElse(""));
    }

    List<ActionRecord> methodRecords() {
        synchronized (methodRecords) {
            return List.copyOf(methodRecords);
        }
    }

    private static Optional<ActionRecord> firstFailed(List<ActionRecord> records) {
        synchronized (records) {
            return records.stream().filter(r -> r.status() == ActionRecord.Status.FAILED).findFirst();
        }
    }
}
