package dev.andon.core.spi;

import java.util.List;

/**
 * What a provider found.
 *
 * @param candidates every match, eligible or excluded, in a stable order
 * @param apiCalls   how many platform calls the listing took (reported in benchmarks and journals)
 */
public record Candidates(List<Candidate> candidates, int apiCalls) {

    public Candidates {
        candidates = List.copyOf(candidates);
    }

    public static Candidates of(List<Candidate> candidates) {
        return new Candidates(candidates, 0);
    }

    public List<Target> eligible() {
        return candidates.stream().filter(Candidate::isEligible).map(Candidate::target).toList();
    }
}
