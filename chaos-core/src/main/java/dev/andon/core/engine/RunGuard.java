package dev.andon.core.engine;

import dev.andon.core.model.Experiment;
import java.util.Optional;

/**
 * A check before anything is touched (DESIGN.md step 2): cord pulled, outside the kill window, minimum
 * time between kills, outage in progress. Returning a reason skips the run with outcome {@code aborted}
 * and that reason, recorded like any other run.
 */
@FunctionalInterface
public interface RunGuard {

    Optional<String> refuse(Experiment experiment, RunOptions options);
}
