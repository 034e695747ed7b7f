package dev.andon.core.load;

import dev.andon.core.model.Expectation;
import dev.andon.core.model.ProbeSpec;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.Probe;
import java.util.Optional;

/**
 * Reads one probe: {@code name}, {@code provider} (the probe's registered name, e.g. {@code http}),
 * {@code expect}, and the probe's own parameters written next to them ({@code url: ...}).
 */
final class ProbeSpecReader {

    private final ReadContext context;
    private final ExpectationReader expectations;

    ProbeSpecReader(ReadContext context) {
        this.context = context;
        this.expectations = new ExpectationReader(context.problems());
    }

    /** @param position how the probe is named when it has no name yet: {@code probe 2 of the hypothesis} */
    Optional<ProbeSpec> read(Node node, String position) {
        Optional<MapReader> reader = MapReader.of(node, position, context.problems());
        if (reader.isEmpty()) {
            return Optional.empty();
        }
        MapReader map = reader.get();
        int before = context.problems().size();
        Optional<String> providerName = map.requiredString("provider");
        String name = map.string("name").orElse(providerName.orElse("probe"));
        String what = "probe '" + name + "'";
        MapReader probeMap = new MapReader(map.node(), what, context.problems()).allow("name", "provider");
        Optional<Probe> probe = providerName.flatMap(p -> known(p, map.node().get("provider")));
        Parameters parameters = probe.map(p -> context.partParameters(probeMap, p, map.node(), what)).orElse(Parameters.empty());
        Optional<Expectation> expect = probeMap.entry("expect").map(e -> expectations.read(e.value(), what))
                .orElse(Optional.of(Expectation.NONE));
        if (probe.isPresent()) {
            probeMap.finish();
        }
        if (context.problems().size() > before || probe.isEmpty() || expect.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ProbeSpec(name, probe.get().name(), parameters, expect.get()));
    }

    private Optional<Probe> known(String name, Node at) {
        Optional<Probe> probe = context.registry().probe(name);
        if (probe.isEmpty()) {
            context.problems().at(at, "unknown probe '" + name + "'", DidYouMean.hint(name, context.registry().probeNames(), "probes"));
        }
        return probe;
    }
}
