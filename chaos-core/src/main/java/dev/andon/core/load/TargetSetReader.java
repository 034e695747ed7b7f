package dev.andon.core.load;

import dev.andon.core.model.ExclusionRule;
import dev.andon.core.model.Safety;
import dev.andon.core.model.SelectionMode;
import dev.andon.core.model.TargetSet;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.TargetProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads {@code spec.targets}: named sets of a provider, a selector, a selection mode and exclusions. */
final class TargetSetReader {

    static final String MODES = "one, all, count(n), percent(p) or random-max-percent(p)";

    private final ReadContext context;
    private final Safety safety;

    TargetSetReader(ReadContext context, Safety safety) {
        this.context = context;
        this.safety = safety;
    }

    /**
     * Every set that could be read, in file order. {@code declaredProviders} receives every declared name
     * (even of sets with problems), so references to them are not reported as dangling too.
     */
    Map<String, TargetSet> read(Node.MapNode targets, Map<String, Optional<String>> declaredProviders) {
        Map<String, TargetSet> sets = new LinkedHashMap<>();
        for (Node.Entry entry : targets.entries().values()) {
            String name = entry.key();
            Optional<MapReader> set = MapReader.of(entry.value(), "target set '" + name + "'", context.problems());
            // Only a known provider is worth comparing with an action's; an unknown one is reported once, here.
            declaredProviders.put(name, set.flatMap(s -> s.node().get("provider") instanceof Node.Scalar p && p.value() instanceof String text
                    ? Optional.of(text) : Optional.empty()).filter(p -> context.registry().provider(p).isPresent()));
            set.flatMap(s -> readSet(name, s)).ifPresent(t -> sets.put(name, t));
        }
        return sets;
    }

    private Optional<TargetSet> readSet(String name, MapReader set) {
        Problems problems = context.problems();
        int before = problems.size();
        Optional<TargetProvider> provider = set.requiredString("provider").flatMap(p -> provider(p, set.node().get("provider")));
        Parameters selector = readSelector(set, provider);
        Optional<SelectionMode> mode = set.has("mode") ? readMode(set) : Optional.of(SelectionMode.ONE);
        List<ExclusionRule> exclude = readExclusions(set);
        Optional<Integer> perGroup = set.integer("perGroup").flatMap(n -> atLeastOne(n, "perGroup", set.node().get("perGroup")));
        set.finish();
        if (problems.size() > before || provider.isEmpty() || mode.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TargetSet(name, provider.get().name(), selector, mode.get(), exclude, perGroup));
    }

    private Optional<TargetProvider> provider(String name, Node at) {
        Optional<TargetProvider> provider = context.registry().provider(name);
        if (provider.isEmpty()) {
            context.problems().at(at, "unknown target provider '" + name + "'",
                    DidYouMean.hint(name, context.registry().providerNames(), "providers"));
        }
        return provider;
    }

    private Parameters readSelector(MapReader set, Optional<TargetProvider> provider) {
        Optional<Node.Entry> entry = set.entry("selector");
        if (provider.isEmpty()) {
            return Parameters.empty();
        }
        Node node = entry.map(Node.Entry::value).orElse(new Node.MapNode(Map.of(), set.node().line(), set.node().column()));
        Optional<MapReader> selector = MapReader.of(node, "the selector of " + set.what(), context.problems());
        if (selector.isEmpty()) {
            return Parameters.empty();
        }
        Parameters parameters = context.partParameters(selector.get(), provider.get(), node, "selector");
        selector.get().finish();
        return parameters;
    }

    private Optional<SelectionMode> readMode(MapReader set) {
        Optional<String> text = set.string("mode");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Node at = set.node().get("mode");
        Optional<SelectionMode> mode;
        try {
            mode = SelectionMode.parse(text.get());
        } catch (IllegalArgumentException e) {
            context.problems().at(at, "'mode': '" + text.get() + "' is out of range",
                    "count(n) needs a whole n of at least 1; a percentage must be above 0 and at most 100");
            return Optional.empty();
        }
        if (mode.isEmpty()) {
            context.problems().at(at, "'mode': expected " + MODES + ", but was '" + text.get() + "'", "for example 'count(1)' or 'percent(10)'");
            return Optional.empty();
        }
        checkAgainstSafety(mode.get(), at);
        return mode;
    }

    // Only what is certain before candidates are known: count(n) over maxTargets, percent(p) over maxPercent.
    private void checkAgainstSafety(SelectionMode mode, Node at) {
        if (mode.kind() == SelectionMode.Kind.COUNT && safety.maxTargets().isPresent() && mode.value() > safety.maxTargets().get()) {
            context.problems().at(at, "mode " + mode + " would select more targets than safety.maxTargets (" + safety.maxTargets().get() + ")",
                    "lower the count or raise maxTargets");
        }
        boolean percentage = mode.kind() == SelectionMode.Kind.PERCENT || mode.kind() == SelectionMode.Kind.RANDOM_MAX_PERCENT;
        if (percentage && safety.maxPercent().isPresent() && mode.value() > safety.maxPercent().get()) {
            context.problems().at(at, "mode " + mode + " would select more than safety.maxPercent (" + trim(safety.maxPercent().get()) + "%)",
                    "lower the percentage or raise maxPercent");
        }
    }

    private List<ExclusionRule> readExclusions(MapReader set) {
        List<ExclusionRule> rules = new ArrayList<>();
        set.list("exclude").ifPresent(list -> {
            for (int i = 0; i < list.items().size(); i++) {
                Node item = list.items().get(i);
                MapReader.of(item, "exclude[" + i + "] of " + set.what(), context.problems()).flatMap(this::readExclusion).ifPresent(rules::add);
            }
        });
        return rules;
    }

    private Optional<ExclusionRule> readExclusion(MapReader rule) {
        List<String> ids = rule.stringList("ids");
        Optional<Pattern> nameMatches = rule.string("nameMatches").flatMap(r -> Regexes.compile("nameMatches", r, rule.node().get("nameMatches"), context.problems()));
        Map<String, String> labels = rule.stringMap("labels");
        List<String> groups = rule.stringList("groups");
        rule.finish();
        if (rule.node().entries().isEmpty()) {
            context.problems().at(rule.node(), "an empty exclusion would exclude every target", "give ids, nameMatches, labels or groups");
            return Optional.empty();
        }
        return Optional.of(new ExclusionRule(ids, nameMatches, labels, groups));
    }

    private Optional<Integer> atLeastOne(long n, String key, Node at) {
        if (n < 1 || n > Integer.MAX_VALUE) {
            context.problems().at(at, "'" + key + "' must be at least 1, but was " + n, "");
            return Optional.empty();
        }
        return Optional.of((int) n);
    }

    private static String trim(double v) {
        return v == Math.floor(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
