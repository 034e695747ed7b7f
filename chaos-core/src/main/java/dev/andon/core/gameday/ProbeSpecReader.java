package dev.andon.core.gameday;

import dev.andon.core.load.Node;
import dev.andon.core.load.Problem;
import dev.andon.core.model.ProbeSpec;
import java.util.List;
import java.util.Optional;

/**
 * Reads one probe as written in an experiment's hypothesis, so that a game day's abort criteria are spelled
 * (and validated) exactly like hypothesis probes. The experiment loader provides it.
 */
@FunctionalInterface
public interface ProbeSpecReader {

    /** The probe, or empty with the reasons added to {@code problems}. */
    Optional<ProbeSpec> read(String file, Node probe, List<Problem> problems);

    /** Probes read by the experiment loader's own rules, with every plugin of the registry. */
    static ProbeSpecReader of(dev.andon.core.spi.PluginRegistry registry) {
        dev.andon.core.load.HypothesisProbes probes = new dev.andon.core.load.HypothesisProbes(registry);
        return (file, node, problems) -> probes.read(file, node, "abort probe", problems);
    }
}
