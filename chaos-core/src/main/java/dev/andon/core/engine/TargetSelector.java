package dev.andon.core.engine;

import dev.andon.core.model.ExclusionRule;
import dev.andon.core.model.Safety;
import dev.andon.core.model.TargetSet;
import dev.andon.core.spi.Candidate;
import dev.andon.core.spi.Candidates;
import dev.andon.core.spi.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * Picks targets from what a provider listed: applies the experiment's exclusions, checks the blast
 * radius, then draws with a generator seeded from the run's seed and the target set's name, so the same
 * seed over the same candidates always picks the same targets.
 *
 * <p>The blast radius is a hard stop, not a cap: a pick larger than {@code maxTargets} or
 * {@code maxPercent} refuses the whole run, because quietly hitting fewer targets than the file asks
 * would test a different hypothesis than the one written.
 */
public final class TargetSelector {

    /** A seeded generator for one target set: independent of the order target sets are evaluated in. */
    public static RandomGenerator randomFor(long seed, String targetSet) {
        return new Random(seed * 1_000_003L + targetSet.hashCode());
    }

    public Selection select(TargetSet set, Candidates found, Safety safety, RandomGenerator random) {
        List<Candidate> all = new ArrayList<>(found.candidates().size());
        List<Target> eligible = new ArrayList<>();
        for (Candidate c : found.candidates()) {
            Candidate judged = c.isEligible() ? applyExclusions(set.exclude(), c) : c;
            all.add(judged);
            if (judged.isEligible()) {
                eligible.add(judged.target());
            }
        }
        int wanted = set.mode().count(eligible.size(), random);
        Optional<String> refusal = blastRadius(set, safety, wanted, eligible.size());
        if (refusal.isPresent()) {
            return new Selection(set.name(), set.provider(), set.mode().toString(), all, List.of(), found.apiCalls(), refusal);
        }
        List<Target> picked = draw(eligible, wanted, set.perGroup().orElse(Integer.MAX_VALUE), random);
        return new Selection(set.name(), set.provider(), set.mode().toString(), all, picked, found.apiCalls(), Optional.empty());
    }

    private static Candidate applyExclusions(List<ExclusionRule> rules, Candidate c) {
        for (ExclusionRule rule : rules) {
            if (rule.matches(c.target())) {
                return Candidate.excluded(c.target(), rule.describe());
            }
        }
        return c;
    }

    private static Optional<String> blastRadius(TargetSet set, Safety safety, int wanted, int eligible) {
        if (safety.maxTargets().isPresent() && wanted > safety.maxTargets().get()) {
            return Optional.of("blast radius: " + set.mode() + " of " + eligible + " eligible in '" + set.name()
                    + "' would hit " + wanted + " targets, but safety.maxTargets is " + safety.maxTargets().get());
        }
        if (safety.maxPercent().isPresent() && eligible > 0) {
            double percent = wanted * 100.0 / eligible;
            if (percent > safety.maxPercent().get() + 1e-9) {
                return Optional.of(String.format(java.util.Locale.ROOT,
                        "blast radius: %s in '%s' would hit %d of %d eligible targets (%.0f%%), but safety.maxPercent is %s",
                        set.mode(), set.name(), wanted, eligible, percent, trim(safety.maxPercent().get())));
            }
        }
        return Optional.empty();
    }

    /** A partial Fisher–Yates shuffle over indices: O(picked) swaps, so 5 out of 100,000 costs almost nothing. */
    private static List<Target> draw(List<Target> eligible, int wanted, int perGroup, RandomGenerator random) {
        int n = eligible.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        List<Target> picked = new ArrayList<>(wanted);
        Map<String, Integer> perGroupCount = new HashMap<>();
        for (int i = 0; i < n && picked.size() < wanted; i++) {
            int j = i + random.nextInt(n - i);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
            Target t = eligible.get(order[i]);
            int inGroup = perGroupCount.getOrDefault(t.group(), 0);
            if (inGroup < perGroup) {
                perGroupCount.put(t.group(), inGroup + 1);
                picked.add(t);
            }
        }
        return picked;
    }

    private static String trim(double v) {
        return v == Math.floor(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
