package dev.andon.core.engine;

import dev.andon.core.spi.Candidate;
import dev.andon.core.spi.Target;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of resolving and picking one target set.
 *
 * @param targetSet  the target set's name
 * @param provider   its provider
 * @param mode       the selection mode as written
 * @param candidates every candidate with its exclusion (provider's, the experiment's, per-group)
 * @param selected   the picked targets, in pick order
 * @param apiCalls   platform calls made to list the candidates
 * @param refusal    why nothing may be picked at all (blast radius too large), empty when the pick stands
 */
public record Selection(
        String targetSet,
        String provider,
        String mode,
        List<Candidate> candidates,
        List<Target> selected,
        int apiCalls,
        Optional<String> refusal) {

    public Selection {
        candidates = List.copyOf(candidates);
        selected = List.copyOf(selected);
    }

    public long eligibleCount() {
        return candidates.stream().filter(Candidate::isEligible).count();
    }
}
