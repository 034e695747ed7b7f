package dev.andon.aws;

import dev.andon.core.spi.Candidate;
import dev.andon.core.spi.ParamSpec;
import dev.andon.core.spi.ParamType;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.RunContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * AZ mode (Chaos Gorilla): keep only the candidates in one availability zone, either named
 * ({@code zone: eu-west-1b}) or picked at random ({@code zone: random}) among the zones that hold an
 * eligible candidate. The random pick is seeded ({@code zoneSeed}, or derived from the run id) and made
 * once per run, so every target set of the run loses the same zone.
 */
public final class ZoneChoice {

    public static final String RANDOM = "random";
    /** Attribute of a target holding its availability zone. */
    public static final String ZONE_ATTRIBUTE = "zone";

    public static final List<ParamSpec> SPECS = List.of(
            ParamSpec.optional("zone", ParamType.STRING,
                    "AZ mode: only targets in this availability zone, or 'random' for one zone picked with the run's seed"),
            ParamSpec.optional("zoneSeed", ParamType.INTEGER,
                    "seed of the random zone pick (default: derived from the run id); the same seed picks the same zone"));

    private ZoneChoice() {
    }

    /** The zone picked for this run, shared by all target sets. */
    private static final class RunZone {
        private String zone;
    }

    /** Candidates outside the chosen zone become excluded with the reason; nothing changes without {@code zone}. */
    public static List<Candidate> restrict(List<Candidate> candidates, Parameters selector, RunContext context) {
        Optional<String> zoneParam = selector.string("zone").filter(z -> !z.isBlank());
        if (zoneParam.isEmpty()) {
            return candidates;
        }
        String zone;
        String why;
        if (zoneParam.get().equalsIgnoreCase(RANDOM)) {
            RunZone runZone = context.shared(RunZone.class, RunZone::new);
            synchronized (runZone) {
                if (runZone.zone == null) {
                    TreeSet<String> zones = new TreeSet<>();
                    candidates.stream().filter(Candidate::isEligible)
                            .map(c -> c.target().attribute(ZONE_ATTRIBUTE))
                            .filter(z -> z != null && !z.isEmpty())
                            .forEach(zones::add);
                    if (zones.isEmpty()) {
                        return candidates;
                    }
                    long seed = selector.integer("zoneSeed").orElse((long) context.runId().hashCode());
                    runZone.zone = new ArrayList<>(zones).get(new SplittableRandom(seed).nextInt(zones.size()));
                    context.note("AZ mode: picked availability zone " + runZone.zone + " out of " + zones + " (zoneSeed " + seed + ")");
                }
                zone = runZone.zone;
            }
            why = "the zone picked for this run";
        } else {
            zone = zoneParam.get();
            why = "the zone named by the selector";
        }
        List<Candidate> out = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            String z = c.target().attribute(ZONE_ATTRIBUTE);
            if (c.isEligible() && !zone.equals(z)) {
                out.add(Candidate.excluded(c.target(), "in " + (z == null || z.isEmpty() ? "no known zone" : z)
                        + ", outside availability zone " + zone + " (" + why + ")"));
            } else {
                out.add(c);
            }
        }
        return out;
    }
}
