package dev.andon.core.load;

import dev.andon.core.model.ProbeSpec;
import dev.andon.core.spi.PluginRegistry;
import java.util.Optional;

/**
 * Reads a probe written outside an experiment (a schedule's {@code outageProbe}) with the same keys, checks
 * and messages as a hypothesis probe.
 */
public final class ProbeReading {

    private ProbeReading() {
    }

    /** The probe, or empty after reporting its problems to {@code problems}. */
    public static Optional<ProbeSpec> read(PluginRegistry registry, Node node, String what, Problems problems) {
        return new ProbeSpecReader(new ReadContext(registry, problems)).read(node, what);
    }
}
