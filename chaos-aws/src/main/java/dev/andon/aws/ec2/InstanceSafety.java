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

/**
 * The rules that keep an instance out of reach whatever the experiment says, each with its reason:
 * the instance Andon runs on, the {@code andon:protected} tag, opt-in ({@code andon:enabled=true} on the
 * instance or its group) and EC2 termination protection.
 */
public final class InstanceSafety {

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

    /** A candidate per instance, the tag rules first, then termination protection for those still eligible. */
    public List<Candidate> judge(List<InstanceFacts> instances, java.util.function.Function<InstanceFacts, Target> toTarget,
            java.util.function.Function<InstanceFacts, Map<String, String>> groupTagsOf, String groupKind,
            Ec2Inventory inventory, boolean checkTerminationProtection) throws ProviderException {
        List<Candidate> out = new ArrayList<>(instances.size());
        for (InstanceFacts i : instances) {
            Target target = toTarget.apply(i);
            Optional<String> reason = exclusion(i, groupTagsOf.apply(i), groupKind);
            if (reason.isEmpty() && checkTerminationProtection && inventory.terminationProtected(i.id())) {
                reason = Optional.of("termination protection is on (disableApiTermination)");
            }
            out.add(reason.map(r -> Candidate.excluded(target, r)).orElseGet(() -> Candidate.eligible(target)));
        }
        return out;
    }
}
