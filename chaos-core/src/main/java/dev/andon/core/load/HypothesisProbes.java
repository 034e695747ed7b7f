package dev.andon.core.load;

import dev.andon.core.model.ProbeSpec;
import dev.andon.core.spi.PluginRegistry;
import java.util.List;
import java.util.Optional;

/**
 * Reads a probe written as in an experiment's hypothesis from other kinds of file (a game day's abort
 * criteria), so that probes are spelled and validated the same everywhere.
 */
public final class HypothesisProbes {

    private final PluginRegistry registry;

    public HypothesisProbes(PluginRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param position how to name the probe in messages when it has no name: {@code abort probe 1}
     * @param problems receives the probe's problems, with positions in {@code file}
     */
    public Optional<ProbeSpec> read(String file, Node node, String position, List<Problem> problems) {
        Problems found = new Problems(file);
        Optional<ProbeSpec> spec = new ProbeSpecReader(new ReadContext(registry, found)).read(node, position);
        problems.addAll(found.list());
        return spec;
    }
}
