package dev.andon.aws.ec2;

import dev.andon.aws.AwsClients;
import dev.andon.aws.AwsFailures;
import dev.andon.core.spi.ProviderException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InstanceAttributeName;
import software.amazon.awssdk.services.ec2.model.Reservation;

/** Reads instances from EC2, page by page. */
public final class Ec2Inventory {

    /** The largest page DescribeInstances returns. */
    public static final int PAGE_SIZE = 1000;
    /** Values per filter that EC2 accepts in one request. */
    private static final int IDS_PER_FILTER = 200;

    private final AwsClients clients;

    public Ec2Inventory(AwsClients clients) {
        this.clients = clients;
    }

    /** Every instance matching the filters, following NextToken across pages, in the order EC2 returns them. */
    public List<InstanceFacts> describe(List<Filter> filters) throws ProviderException {
        List<InstanceFacts> found = new ArrayList<>();
        String token = null;
        do {
            DescribeInstancesRequest request = DescribeInstancesRequest.builder()
                    .filters(filters).maxResults(PAGE_SIZE).nextToken(token).build();
            DescribeInstancesResponse page;
            try {
                page = clients.ec2().describeInstances(request);
            } catch (SdkException e) {
                throw AwsFailures.translate(e, "ec2:DescribeInstances", "instances", clients.settings());
            }
            for (Reservation r : page.reservations()) {
                r.instances().forEach(i -> found.add(InstanceFacts.of(i)));
            }
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return found;
    }

    /** The instances with these ids, keyed by id; ids EC2 no longer knows are absent. */
    public Map<String, InstanceFacts> byIds(Collection<String> ids) throws ProviderException {
        Map<String, InstanceFacts> byId = new LinkedHashMap<>();
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += IDS_PER_FILTER) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IDS_PER_FILTER));
            for (InstanceFacts f : describe(List.of(Filter.builder().name("instance-id").values(chunk).build()))) {
                byId.put(f.id(), f);
            }
        }
        return byId;
    }

    /** Whether the instance has termination protection on (DescribeInstanceAttribute disableApiTermination). */
    public boolean terminationProtected(String instanceId) throws ProviderException {
        try {
            AttributeBooleanValue v = clients.ec2().describeInstanceAttribute(r -> r
                    .instanceId(instanceId).attribute(InstanceAttributeName.DISABLE_API_TERMINATION)).disableApiTermination();
            return v != null && Boolean.TRUE.equals(v.value());
        } catch (SdkException e) {
            throw AwsFailures.translate(e, "ec2:DescribeInstanceAttribute", "instance " + instanceId, clients.settings());
        }
    }
}
