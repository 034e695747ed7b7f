package dev.andon.core.scheduler;

import dev.andon.core.load.Node;
import dev.andon.core.load.Problems;
import dev.andon.core.model.ProbeSpec;
import java.util.Optional;

/**
 * Reads a probe written in a schedule's {@code outageProbe} exactly as the experiment loader reads the
 * probes of a hypothesis (same keys, same checks, same messages), so the schedule loader does not need to
 * know the plugins.
 */
@FunctionalInterface
public interface OutageProbeReader {

    /** The probe, or empty after reporting its problems. */
    Optional<ProbeSpec> read(Node node, String what, Problems problems);
}
