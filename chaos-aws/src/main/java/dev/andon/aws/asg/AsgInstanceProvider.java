package dev.andon.aws.asg;

import dev.andon.aws.AwsClients;
import dev.andon.aws.AwsFailures;
import dev.andon.aws.ZoneChoice;
import dev.andon.aws.ec2.Ec2Inventory;
import dev.andon.aws.ec2.InstanceFacts;
import dev.andon.aws.ec2.InstanceSafety;
import dev.andon.core.spi.Candidate;
import dev.andon.core.spi.Candidates;
import dev.andon.core.spi.ParamSpec;
import dev.andon.core.spi.ParamType;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.ProviderException;
import dev.andon.core.spi.RunContext;
import dev.andon.core.spi.Target;
import dev.andon.core.spi.TargetProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsResponse;
import software.amazon.awssdk.services.autoscaling.model.Filter;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;

/**
 * {@code aws.asg.instance}: the InService instances of Auto Scaling groups, named or found by tag. The
 * group of each target is its ASG, so {@code perGroup: 1} hits at most one instance per group, as
 * Chaos Monkey does. Opt-in may be on the instance or on its group.
 */
public final class AsgInstanceProvider implements TargetProvider {

    public static final String NAME = "aws.asg.instance";
    private static final int PAGE_SIZE = 100;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "instances of EC2 Auto Scaling groups (InService by default), grouped per group";
    }

    @Override
    public List<ParamSpec> parameters() {
        List<ParamSpec> specs = new ArrayList<>(List.of(
                ParamSpec.optional("groups", ParamType.STRING_LIST, "Auto Scaling group names"),
                ParamSpec.optional("groupTags", ParamType.STRING_MAP, "tags the groups must carry, e.g. {env: staging}"),
                ParamSpec.withDefault("lifecycleStates", ParamType.STRING_LIST, List.of("InService"), "instance lifecycle states to include"),
                ParamSpec.withDefault("checkTerminationProtection", ParamType.BOOLEAN, true,
                        "skip instances with EC2 termination protection")));
        specs.addAll(ZoneChoice.SPECS);
        return specs;
    }

    @Override
    public Candidates candidates(Parameters selector, RunContext context) throws ProviderException {
        AwsClients clients = AwsClients.of(context);
        int callsBefore = clients.apiCalls();
        List<AutoScalingGroup> groups = describeGroups(clients, selector);
        List<String> states = selector.has("lifecycleStates") ? selector.stringList("lifecycleStates") : List.of("InService");

        Map<String, AutoScalingGroup> groupOf = new LinkedHashMap<>();
        Map<String, Instance> memberOf = new LinkedHashMap<>();
        for (AutoScalingGroup g : groups) {
            for (Instance i : g.instances()) {
                if (states.contains(i.lifecycleStateAsString())) {
                    groupOf.put(i.instanceId(), g);
                    memberOf.put(i.instanceId(), i);
                }
            }
        }
        Ec2Inventory inventory = new Ec2Inventory(clients);
        Map<String, InstanceFacts> facts = inventory.byIds(groupOf.keySet());
        List<InstanceFacts> known = new ArrayList<>();
        List<Candidate> vanished = new ArrayList<>();
        for (String id : groupOf.keySet()) {
            InstanceFacts f = facts.get(id);
            if (f == null) {
                vanished.add(Candidate.excluded(target(id, memberOf.get(id), groupOf.get(id), null),
                        "listed by its group but unknown to EC2 (terminated meanwhile)"));
            } else {
                known.add(f);
            }
        }
        InstanceSafety safety = new InstanceSafety(clients.identity(), clients.settings().requireOptIn());
        List<Candidate> judged = new ArrayList<>(safety.judge(known,
                f -> target(f.id(), memberOf.get(f.id()), groupOf.get(f.id()), f),
                f -> tags(groupOf.get(f.id())), "Auto Scaling group"));
        judged.addAll(vanished);
        judged = ZoneChoice.restrict(judged, selector, context);
        if (selector.bool("checkTerminationProtection").orElse(true)) {
            judged = InstanceSafety.excludeTerminationProtected(judged, inventory);
        }
        return new Candidates(judged, clients.apiCalls() - callsBefore);
    }

    private static List<AutoScalingGroup> describeGroups(AwsClients clients, Parameters selector) throws ProviderException {
        List<Filter> filters = new ArrayList<>();
        selector.stringMap("groupTags").forEach((k, v) -> filters.add(Filter.builder().name("tag:" + k).values(v).build()));
        List<AutoScalingGroup> groups = new ArrayList<>();
        String token = null;
        do {
            DescribeAutoScalingGroupsRequest.Builder request = DescribeAutoScalingGroupsRequest.builder()
                    .maxRecords(PAGE_SIZE).nextToken(token);
            if (!selector.stringList("groups").isEmpty()) {
                request.autoScalingGroupNames(selector.stringList("groups"));
            }
            if (!filters.isEmpty()) {
                request.filters(filters);
            }
            DescribeAutoScalingGroupsResponse page;
            try {
                page = clients.autoScaling().describeAutoScalingGroups(request.build());
            } catch (SdkException e) {
                throw AwsFailures.translate(e, "autoscaling:DescribeAutoScalingGroups", "Auto Scaling groups", clients.settings());
            }
            groups.addAll(page.autoScalingGroups());
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return groups;
    }

    static Map<String, String> tags(AutoScalingGroup g) {
        Map<String, String> tags = new TreeMap<>();
        for (TagDescription t : g.tags()) {
            tags.put(t.key(), t.value() == null ? "" : t.value());
        }
        return tags;
    }

    private static Target target(String id, Instance member, AutoScalingGroup group, InstanceFacts facts) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (facts != null) {
            attributes.putAll(facts.attributes());
        }
        attributes.put("zone", member.availabilityZone());
        attributes.put("autoScalingGroup", group.autoScalingGroupName());
        attributes.put("lifecycleState", member.lifecycleStateAsString());
        attributes.put("healthStatus", member.healthStatus());
        return new Target(NAME, id, facts == null ? id : facts.name(), group.autoScalingGroupName(),
                facts == null ? Map.of() : facts.tags(), attributes);
    }
}
