package dev.andon.aws.ec2;

import dev.andon.aws.AwsClients;
import dev.andon.aws.ZoneChoice;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.Filter;

/** {@code aws.ec2.instance}: instances by id, tags and EC2 filters; only running ones unless told otherwise. */
public final class Ec2InstanceProvider implements TargetProvider {

    public static final String NAME = "aws.ec2.instance";
    /** The tag EC2 Auto Scaling puts on its instances; used as the group of an instance. */
    static final String ASG_TAG = "aws:autoscaling:groupName";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "EC2 instances by id, tag and filter (running only by default)";
    }

    @Override
    public List<ParamSpec> parameters() {
        List<ParamSpec> specs = new ArrayList<>(List.of(
                ParamSpec.optional("instanceIds", ParamType.STRING_LIST, "instance ids, e.g. [i-0abc, i-0def]"),
                ParamSpec.optional("tags", ParamType.STRING_MAP, "tags the instances must carry, e.g. {team: shop}"),
                ParamSpec.optional("filters", ParamType.STRING_MAP,
                        "EC2 filters by name, values comma-separated: {instance-type: 't3.micro,t3.small', vpc-id: vpc-1}"),
                ParamSpec.withDefault("states", ParamType.STRING_LIST, List.of("running"), "instance states to include"),
                ParamSpec.withDefault("checkTerminationProtection", ParamType.BOOLEAN, true,
                        "skip instances with termination protection (one DescribeInstanceAttribute per eligible instance)")));
        specs.addAll(ZoneChoice.SPECS);
        return specs;
    }

    @Override
    public List<String> check(Parameters p) {
        List<String> problems = new ArrayList<>();
        for (String id : p.stringList("instanceIds")) {
            if (!id.startsWith("i-")) {
                problems.add("instanceIds: '" + id + "' is not an instance id (they start with i-)");
            }
        }
        return problems;
    }

    @Override
    public Candidates candidates(Parameters selector, RunContext context) throws ProviderException {
        AwsClients clients = AwsClients.of(context);
        int callsBefore = clients.apiCalls();
        Ec2Inventory inventory = new Ec2Inventory(clients);
        List<InstanceFacts> instances = inventory.describe(filters(selector));
        InstanceSafety safety = new InstanceSafety(clients.identity(), clients.settings().requireOptIn());
        List<Candidate> judged = ZoneChoice.restrict(safety.judge(instances, Ec2InstanceProvider::target, i -> Map.of(), ""), selector, context);
        if (selector.bool("checkTerminationProtection").orElse(true)) {
            judged = InstanceSafety.excludeTerminationProtected(judged, inventory);
        }
        return new Candidates(judged, clients.apiCalls() - callsBefore);
    }

    static List<Filter> filters(Parameters selector) {
        List<Filter> filters = new ArrayList<>();
        List<String> states = selector.has("states") ? selector.stringList("states") : List.of("running");
        if (!states.isEmpty()) {
            filters.add(Filter.builder().name("instance-state-name").values(states).build());
        }
        List<String> ids = selector.stringList("instanceIds");
        if (!ids.isEmpty()) {
            filters.add(Filter.builder().name("instance-id").values(ids).build());
        }
        selector.stringMap("tags").forEach((k, v) -> filters.add(Filter.builder().name("tag:" + k).values(v).build()));
        selector.stringMap("filters").forEach((k, v) -> filters.add(Filter.builder().name(k)
                .values(Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()).build()));
        return filters;
    }

    static Target target(InstanceFacts i) {
        String group = i.tags().getOrDefault(ASG_TAG, i.id());
        return new Target(NAME, i.id(), i.name(), group, i.tags(), i.attributes());
    }
}
