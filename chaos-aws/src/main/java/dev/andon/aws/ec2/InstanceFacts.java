package dev.andon.aws.ec2;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Tag;

/** What Andon needs to know about one EC2 instance, taken from DescribeInstances. */
public record InstanceFacts(String id, String state, String zone, String vpcId, String subnetId, String instanceType, Map<String, String> tags) {

    public InstanceFacts {
        tags = Map.copyOf(tags);
    }

    public static InstanceFacts of(Instance i) {
        Map<String, String> tags = new TreeMap<>();
        for (Tag t : i.tags()) {
            tags.put(t.key(), t.value() == null ? "" : t.value());
        }
        return new InstanceFacts(
                i.instanceId(),
                i.state() == null ? "unknown" : i.state().nameAsString(),
                i.placement() == null ? "" : i.placement().availabilityZone(),
                nullToEmpty(i.vpcId()),
                nullToEmpty(i.subnetId()),
                i.instanceTypeAsString() == null ? "" : i.instanceTypeAsString(),
                tags);
    }

    public String name() {
        return tags.getOrDefault("Name", id);
    }

    /** Facts shown to users and read by actions and AZ mode; {@code zone} is the key AZ mode reads. */
    public Map<String, String> attributes() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("zone", zone);
        a.put("state", state);
        a.put("instanceType", instanceType);
        a.put("vpcId", vpcId);
        a.put("subnetId", subnetId);
        return a;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
