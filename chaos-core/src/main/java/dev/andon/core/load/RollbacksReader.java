package dev.andon.core.load;

import dev.andon.core.model.MethodStep;
import dev.andon.core.model.Rollbacks;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads {@code spec.rollbacks}: a list of action steps, or {@code {when: always|on-deviation|never, steps: [...]}}. */
final class RollbacksReader {

    private RollbacksReader() {
    }

    static Rollbacks read(Node node, MethodReader steps, Problems problems) {
        if (node instanceof Node.ListNode list) {
            return new Rollbacks(Rollbacks.When.ALWAYS, steps.readActionSteps(list, "the rollbacks"));
        }
        if (!(node instanceof Node.MapNode)) {
            problems.at(node, "'rollbacks': expected a list of steps or a map with 'when' and 'steps', but was " + FieldTypes.describe(node), "");
            return Rollbacks.NONE;
        }
        MapReader map = new MapReader((Node.MapNode) node, "spec.rollbacks", problems);
        Rollbacks.When when = map.string("when").flatMap(w -> when(w, map.node().get("when"), problems)).orElse(Rollbacks.When.ALWAYS);
        List<MethodStep.ActionStep> actions = map.list("steps").map(l -> steps.readActionSteps(l, "the rollbacks")).orElse(List.of());
        map.finish();
        return new Rollbacks(when, actions);
    }

    private static Optional<Rollbacks.When> when(String text, Node at, Problems problems) {
        Optional<Rollbacks.When> when = Arrays.stream(Rollbacks.When.values()).filter(w -> w.spelling().equals(text)).findFirst();
        if (when.isEmpty()) {
            List<String> spellings = Arrays.stream(Rollbacks.When.values()).map(Rollbacks.When::spelling).toList();
            problems.at(at, "'when': expected always, on-deviation or never, but was '" + text + "'", DidYouMean.hint(text, spellings, "values"));
        }
        return when;
    }
}
