package dev.andon.core.load;

import dev.andon.core.model.Hypothesis;
import dev.andon.core.model.ProbeSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads {@code spec.hypothesis}: {@code strategy}, {@code interval} and {@code probes}. */
final class HypothesisReader {

    private final ReadContext context;

    HypothesisReader(ReadContext context) {
        this.context = context;
    }

    Optional<Hypothesis> read(MapReader hypothesis) {
        Problems problems = context.problems();
        int before = problems.size();
        Optional<Hypothesis.Strategy> strategy = hypothesis.string("strategy").flatMap(s -> strategy(s, hypothesis.node().get("strategy")));
        Optional<Duration> interval = hypothesis.duration("interval");
        interval.filter(d -> d.isZero()).ifPresent(d -> problems.at(hypothesis.node().get("interval"),
                "'interval' must be above zero", "for example 500ms or 2s"));
        List<ProbeSpec> probes = new ArrayList<>();
        hypothesis.required("probes", FieldTypes.LIST).ifPresent(list -> probes.addAll(readProbes(list, "the hypothesis")));
        hypothesis.finish();
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Hypothesis(strategy.orElse(Hypothesis.Strategy.BEFORE_AFTER),
                interval.orElse(Hypothesis.DEFAULT_INTERVAL), probes));
    }

    /** Reads a list of probes owned by {@code owner} ("the hypothesis", "recovery"): names unique within it. */
    List<ProbeSpec> readProbes(Node.ListNode list, String owner) {
        ProbeSpecReader reader = new ProbeSpecReader(context);
        List<ProbeSpec> probes = new ArrayList<>();
        Map<String, Node> names = new HashMap<>();
        for (int i = 0; i < list.items().size(); i++) {
            Node item = list.items().get(i);
            Optional<ProbeSpec> probe = reader.read(item, "probe " + (i + 1) + " of " + owner);
            probe.ifPresent(probes::add);
            probe.ifPresent(p -> {
                Node first = names.putIfAbsent(p.name(), item);
                if (first != null) {
                    context.problems().at(item, "two probes of " + owner + " are named '" + p.name() + "' (first at line " + first.line() + ")",
                            "give each probe its own 'name:'");
                }
            });
        }
        if (list.items().isEmpty()) {
            context.problems().at(list, owner + " has no probes", "add a probe, or remove the empty 'probes:'");
        }
        return probes;
    }

    private Optional<Hypothesis.Strategy> strategy(String text, Node at) {
        Optional<Hypothesis.Strategy> strategy = Arrays.stream(Hypothesis.Strategy.values()).filter(s -> s.spelling().equals(text)).findFirst();
        if (strategy.isEmpty()) {
            List<String> spellings = Arrays.stream(Hypothesis.Strategy.values()).map(Hypothesis.Strategy::spelling).toList();
            context.problems().at(at, "'strategy': expected before-after or continuous, but was '" + text + "'",
                    DidYouMean.hint(text, spellings, "strategies"));
        }
        return strategy;
    }
}
