package dev.andon.core.model;

import dev.andon.core.spi.Parameters;
import java.util.List;
import java.util.Optional;

/**
 * A named set of targets: which provider lists them, how they are matched and how many are picked.
 *
 * @param name     the key under {@code spec.targets}, referenced by method steps
 * @param provider provider name, e.g. {@code local.process}
 * @param selector the provider's selector parameters
 * @param mode     how many of the eligible candidates to pick
 * @param exclude  generic exclusions applied after the provider's own
 * @param perGroup at most this many targets per group (Deployment, ASG, ...) in one run
 */
public record TargetSet(
        String name,
        String provider,
        Parameters selector,
        SelectionMode mode,
        List<ExclusionRule> exclude,
        Optional<Integer> perGroup) {

    public TargetSet {
        exclude = List.copyOf(exclude);
    }
}
