package dev.andon.core.testing;

import dev.andon.core.model.Check;
import dev.andon.core.model.Expectation;
import dev.andon.core.model.Experiment;
import dev.andon.core.model.Hypothesis;
import dev.andon.core.model.Metadata;
import dev.andon.core.model.MethodStep;
import dev.andon.core.model.ProbeSpec;
import dev.andon.core.model.RecoverySpec;
import dev.andon.core.model.Rollbacks;
import dev.andon.core.model.Safety;
import dev.andon.core.model.SelectionMode;
import dev.andon.core.model.TargetSet;
import dev.andon.core.spi.Parameters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds experiments in code for engine tests, over the {@link InMemoryPlugin}'s parts. */
public final class Experiments {

    private final Map<String, TargetSet> targets = new LinkedHashMap<>();
    private final List<MethodStep> method = new ArrayList<>();
    private final List<ProbeSpec> hypothesisProbes = new ArrayList<>();
    private final List<ProbeSpec> recoveryProbes = new ArrayList<>();
    private final List<MethodStep.ActionStep> rollbackSteps = new ArrayList<>();
    private Hypothesis.Strategy strategy = Hypothesis.Strategy.CONTINUOUS;
    private Rollbacks.When rollbacksWhen = Rollbacks.When.ALWAYS;
    private Safety safety = Safety.DEFAULT;
    private Duration recoveryTimeout = Duration.ofSeconds(5);

    public static Experiments experiment() {
        return new Experiments();
    }

    public Experiments nodes(String name, SelectionMode mode) {
        targets.put(name, new TargetSet(name, "mem.node", Parameters.empty(), mode, List.of(), Optional.empty()));
        return this;
    }

    public Experiments targetSet(TargetSet set) {
        targets.put(set.name(), set);
        return this;
    }

    /** Hypothesis: at least {@code n} nodes up. */
    public Experiments atLeastUp(long n) {
        hypothesisProbes.add(upProbe("at-least-" + n + "-up", n));
        return this;
    }

    /** Recovery: at least {@code n} nodes up again. */
    public Experiments recoveredWhenUp(long n) {
        recoveryProbes.add(upProbe("all-" + n + "-up", n));
        return this;
    }

    public Experiments strategy(Hypothesis.Strategy s) {
        this.strategy = s;
        return this;
    }

    public Experiments act(String action, String target) {
        method.add(new MethodStep.ActionStep(action, Optional.of(target), Parameters.empty(), Optional.empty(), 1));
        return this;
    }

    public Experiments actRevertingAfter(String action, String target, Duration after) {
        method.add(new MethodStep.ActionStep(action, Optional.of(target), Parameters.empty(), Optional.of(after), 1));
        return this;
    }

    public Experiments pause(Duration d) {
        method.add(new MethodStep.Pause(d));
        return this;
    }

    public Experiments rollback(String action, String target, Rollbacks.When when) {
        rollbackSteps.add(new MethodStep.ActionStep(action, Optional.of(target), Parameters.empty(), Optional.empty(), 1));
        rollbacksWhen = when;
        return this;
    }

    public Experiments safety(Safety s) {
        this.safety = s;
        return this;
    }

    public Experiments recoveryTimeout(Duration d) {
        this.recoveryTimeout = d;
        return this;
    }

    public Experiment build() {
        return new Experiment("test", new Metadata("test-experiment", "", Map.of()), targets,
                new Hypothesis(strategy, Duration.ofMillis(20), hypothesisProbes), method,
                new Rollbacks(rollbacksWhen, rollbackSteps), safety, new RecoverySpec(recoveryTimeout, recoveryProbes),
                Map.of(), Map.of(), List.of());
    }

    private static ProbeSpec upProbe(String name, long min) {
        return new ProbeSpec(name, "mem.up", Parameters.empty(),
                new Expectation(List.of(new Check.Range("value", Optional.of((double) min), Optional.empty()))));
    }
}
