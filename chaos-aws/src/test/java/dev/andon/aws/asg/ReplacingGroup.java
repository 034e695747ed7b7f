package dev.andon.aws.asg;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.andon.aws.AwsXml;
import dev.andon.aws.FakeAws;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A stateful Auto Scaling group behind WireMock: TerminateInstanceInAutoScalingGroup removes the member
 * and, because the desired capacity is kept, launches a replacement that is Pending and becomes InService
 * and Healthy {@code replaceAfter} later, as a real group does after its health check grace period.
 */
public final class ReplacingGroup implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "replacing-group";

    private final String group;
    private final Duration replaceAfter;
    private final Clock clock;
    private final List<AwsXml.Member> members = new ArrayList<>();
    private final List<Instant> launchedAt = new ArrayList<>();
    private int launched;

    public ReplacingGroup(String group, List<AwsXml.Member> members, Duration replaceAfter, Clock clock) {
        this.group = group;
        this.replaceAfter = replaceAfter;
        this.clock = clock;
        for (AwsXml.Member m : members) {
            this.members.add(m);
            this.launchedAt.add(Instant.MIN);
        }
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
        Map<String, String> form = FakeAws.form(event.getRequest());
        String action = form.get("Action");
        if ("TerminateInstanceInAutoScalingGroup".equals(action)) {
            String id = form.get("InstanceId");
            int at = indexOf(id);
            members.remove(at);
            launchedAt.remove(at);
            if ("false".equals(form.get("ShouldDecrementDesiredCapacity"))) {
                members.add(new AwsXml.Member("i-0replacement" + (++launched), "us-east-1a", "Pending", "Healthy"));
                launchedAt.add(clock.instant());
            }
            return FakeAws.xml(AwsXml.terminateInstanceInAutoScalingGroup(group, id)).build();
        }
        List<AwsXml.Member> now = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            AwsXml.Member m = members.get(i);
            boolean ready = !launchedAt.get(i).isAfter(clock.instant().minus(replaceAfter));
            now.add(ready && m.lifecycleState().equals("Pending") ? AwsXml.Member.inService(m.instanceId(), m.zone()) : m);
        }
        return FakeAws.xml(AwsXml.describeAutoScalingGroups(
                List.of(new AwsXml.Group(group, 2, now, Map.of("andon:enabled", "true"))), null)).build();
    }

    private int indexOf(String id) {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).instanceId().equals(id)) {
                return i;
            }
        }
        throw new IllegalStateException("no member " + id);
    }
}
