package dev.andon.aws.ec2;

import dev.andon.aws.AwsSettings;
import dev.andon.aws.InstanceIdentity;
import dev.andon.core.spi.Candidate;
import dev.andon.core.spi.ProviderException;
import dev.andon.core.spi.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The rules that keep an instance out of reach whatever the experiment says, each with its reason:
 * the instance Andon runs on, the {@code andon:protected} tag, opt-in ({@code andon:enabled=true} on the
 * instance or its group) and EC2 termination protection.
 */
public final class InstanceSafety {

    /** DescribeInstanceAttribute calls in flight at once: fast for big fleets, far below EC2's request rate limits. */
    static final int ATTRIBUTE_CALLS_AT_ONCE = 8;

    private final InstanceIdentity self;
    private final boolean requireOptIn;

    public InstanceSafety(InstanceIdentity self, boolean requireOptIn) {
        this.self = self;
        this.requireOptIn = requireOptIn;
    }

    /**
     * Why an instance may never be hit, judged from its tags and those of its group (empty for none), or
     * empty when it may. Termination protection needs an API call per instance and is checked separately.
     */
    public Optional<String> exclusion(InstanceFacts instance, Map<String, String> groupTags, String groupKind) {
        if (self.is(instance.id())) {
            return Optional.of("Andon runs on this instance (" + self.how() + ")");
        }
        if (instance.tags().containsKey(AwsSettings.PROTECTED_TAG)) {
            return Optional.of("the instance is tagged " + AwsSettings.PROTECTED_TAG);
        }
        if (groupTags.containsKey(AwsSettings.PROTECTED_TAG)) {
            return Optional.of("its " + groupKind + " is tagged " + AwsSettings.PROTECTED_TAG);
        }
        if (requireOptIn && !optedIn(instance.tags()) && !optedIn(groupTags)) {
            return Optional.of("not opted in: tag the instance" + (groupKind.isEmpty() ? "" : " or its " + groupKind)
                    + " with " + AwsSettings.OPT_IN_TAG + "=true");
        }
        return Optional.empty();
    }

    static boolean optedIn(Map<String, String> tags) {
        return "true".equalsIgnoreCase(tags.getOrDefault(AwsSettings.OPT_IN_TAG, "").trim());
    }

    /** A candidate per instance, judged by the tag rules and self-protection. */
    public List<Candidate> judge(List<InstanceFacts> instances, Function<InstanceFacts, Target> toTarget,
            Function<InstanceFacts, Map<String, String>> groupTagsOf, String groupKind) {
        List<Candidate> out = new ArrayList<>(instances.size());
        for (InstanceFacts i : instances) {
            Target target = toTarget.apply(i);
            out.add(exclusion(i, groupTagsOf.apply(i), groupKind)
                    .map(r -> Candidate.excluded(target, r))
                    .orElseGet(() -> Candidate.eligible(target)));
        }
        return out;
    }

    /**
     * Excludes the still-eligible candidates whose instance has termination protection on. It takes one
     * DescribeInstanceAttribute per instance, so it runs last (after the tag rules and AZ mode have
     * narrowed the list) and several at a time; the order of the candidates is kept.
     */
    public static List<Candidate> excludeTerminationProtected(List<Candidate> candidates, Ec2Inventory inventory) throws ProviderException {
        List<Candidate> out = new ArrayList<>(candidates);
        ExecutorService pool = Executors.newFixedThreadPool(ATTRIBUTE_CALLS_AT_ONCE, r -> {
            Thread t = new Thread(r, "andon-ec2-attributes");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Boolean>> locked = new ArrayList<>();
            for (Candidate c : candidates) {
                locked.add(c.isEligible() ? pool.submit(() -> inventory.terminationProtected(c.target().id())) : null);
            }
            for (int i = 0; i < candidates.size(); i++) {
                if (locked.get(i) != null && locked.get(i).get()) {
                    out.set(i, Candidate.excluded(candidates.get(i).target(), "termination protection is on (disableApiTermination)"));
                }
            }
            return out;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProviderException p) {
                throw p;
            }
            throw new ProviderException(ProviderException.Kind.FAILED, "checking termination protection failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderException.Kind.FAILED, "interrupted while checking termination protection", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
