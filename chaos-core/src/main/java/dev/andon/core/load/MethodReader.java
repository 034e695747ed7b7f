package dev.andon.core.load;

import dev.andon.core.model.MethodStep;
import dev.andon.core.spi.Action;
import dev.andon.core.spi.Parameters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads method steps: {@code action:} (with {@code target:}, the action's parameters, {@code revertAfter},
 * {@code concurrency}), {@code pause: 5s}, and {@code probe: {...}}. Rollbacks reuse the action steps.
 */
final class MethodReader {

    private static final List<String> STEP_KINDS = List.of("action", "pause", "probe");

    private final ReadContext context;
    private final Map<String, Optional<String>> targetProviders;
    private final ProbeSpecReader probes;

    /** @param targetProviders every declared target set name and, when readable, its provider name */
    MethodReader(ReadContext context, Map<String, Optional<String>> targetProviders) {
        this.context = context;
        this.targetProviders = Map.copyOf(targetProviders);
        this.probes = new ProbeSpecReader(context);
    }

    List<MethodStep> readSteps(Node.ListNode list, String section) {
        List<MethodStep> steps = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            String position = "step " + (i + 1) + " of " + section;
            MapReader.of(list.items().get(i), position, context.problems()).flatMap(step -> readStep(step, position)).ifPresent(steps::add);
        }
        return steps;
    }

    /** Reads action steps only (rollbacks), reporting any other kind of step. */
    List<MethodStep.ActionStep> readActionSteps(Node.ListNode list, String section) {
        List<MethodStep.ActionStep> steps = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            String position = "step " + (i + 1) + " of " + section;
            Optional<MapReader> step = MapReader.of(list.items().get(i), position, context.problems());
            if (step.isPresent() && !step.get().node().entries().containsKey("action")) {
                context.problems().at(step.get().node(), position + " is not an action", section + " hold only 'action:' steps");
                continue;
            }
            step.flatMap(s -> readAction(s, position)).ifPresent(steps::add);
        }
        return steps;
    }

    private Optional<? extends MethodStep> readStep(MapReader step, String position) {
        List<String> kinds = STEP_KINDS.stream().filter(k -> step.node().entries().containsKey(k)).toList();
        if (kinds.size() > 1) {
            context.problems().at(step.node(), position + " has both '" + kinds.get(0) + "' and '" + kinds.get(1) + "'",
                    "split it into one step each");
            return Optional.empty();
        }
        if (kinds.isEmpty()) {
            String hint = step.node().entries().keySet().stream()
                    .map(k -> DidYouMean.closest(k, STEP_KINDS).map(c -> "'" + k + "': did you mean '" + c + "'?"))
                    .flatMap(Optional::stream).findFirst().orElse("start it with 'action:', 'pause:' or 'probe:'");
            context.problems().at(step.node(), position + " has none of 'action', 'pause', 'probe'", hint);
            return Optional.empty();
        }
        return switch (kinds.get(0)) {
            case "action" -> readAction(step, position);
            case "pause" -> readPause(step);
            default -> readProbe(step, position);
        };
    }

    private Optional<MethodStep.Pause> readPause(MapReader step) {
        Optional<Duration> duration = step.duration("pause");
        step.finish();
        return duration.map(MethodStep.Pause::new);
    }

    private Optional<MethodStep.ProbeStep> readProbe(MapReader step, String position) {
        Optional<Node.Entry> probe = step.entry("probe");
        step.finish();
        return probe.flatMap(e -> probes.read(e.value(), "the probe of " + position)).map(MethodStep.ProbeStep::new);
    }

    private Optional<MethodStep.ActionStep> readAction(MapReader step, String position) {
        int before = context.problems().size();
        Optional<String> name = step.requiredString("action");
        Optional<Action> action = name.flatMap(n -> known(n, step.node().get("action")));
        Optional<String> target = step.string("target");
        Optional<Duration> revertAfter = step.duration("revertAfter");
        int concurrency = step.integer("concurrency").map(c -> atLeastOne(c, step.node().get("concurrency"))).orElse(MethodStep.ActionStep.DEFAULT_CONCURRENCY);
        if (action.isEmpty()) {
            // The action's own keys are unknown; reporting each of them would bury the one real problem.
            return Optional.empty();
        }
        String what = "action '" + action.get().name() + "' (" + position + ")";
        MapReader parameterMap = new MapReader(step.node(), what, context.problems()).allow("action", "target", "revertAfter", "concurrency");
        Parameters parameters = context.partParameters(parameterMap, action.get(), step.node(), what);
        checkTarget(action.get(), target, step);
        parameterMap.finish();
        if (context.problems().size() > before) {
            return Optional.empty();
        }
        return Optional.of(new MethodStep.ActionStep(action.get().name(), target, parameters, revertAfter, concurrency));
    }

    private void checkTarget(Action action, Optional<String> target, MapReader step) {
        Problems problems = context.problems();
        if (target.isEmpty()) {
            if (action.takesTargets() && !step.has("target")) {
                problems.at(step.node(), "action '" + action.name() + "' acts on targets, but the step has no 'target'",
                        targetProviders.isEmpty() ? "declare a target set under spec.targets and name it with 'target:'"
                                : "add 'target:' naming one of: " + String.join(", ", targetProviders.keySet().stream().sorted().toList()));
            }
            return;
        }
        Node at = step.node().get("target");
        if (!action.takesTargets()) {
            problems.at(at, "action '" + action.name() + "' takes no targets", "remove 'target:'");
            return;
        }
        if (!targetProviders.containsKey(target.get())) {
            problems.at(at, "unknown target set '" + target.get() + "'", DidYouMean.hint(target.get(), targetProviders.keySet(), "target sets"));
            return;
        }
        targetProviders.get(target.get()).filter(p -> !action.targetProviders().contains(p)).ifPresent(p -> problems.at(at,
                "action '" + action.name() + "' cannot act on target set '" + target.get() + "' of provider '" + p + "'",
                "it acts on targets of: " + String.join(", ", action.targetProviders().stream().sorted().toList())));
    }

    private Optional<Action> known(String name, Node at) {
        Optional<Action> action = context.registry().action(name);
        if (action.isEmpty()) {
            context.problems().at(at, "unknown action '" + name + "'", DidYouMean.hint(name, context.registry().actionNames(), "actions"));
        }
        return action;
    }

    private int atLeastOne(long n, Node at) {
        if (n < 1 || n > Integer.MAX_VALUE) {
            context.problems().at(at, "'concurrency' must be at least 1, but was " + n, "");
            return MethodStep.ActionStep.DEFAULT_CONCURRENCY;
        }
        return (int) n;
    }
}
