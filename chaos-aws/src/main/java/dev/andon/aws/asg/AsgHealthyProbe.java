package dev.andon.aws.asg;

import dev.andon.aws.AwsClients;
import dev.andon.aws.AwsFailures;
import dev.andon.core.spi.ParamSpec;
import dev.andon.core.spi.ParamType;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.Probe;
import dev.andon.core.spi.ProbeObservation;
import dev.andon.core.spi.ProviderException;
import dev.andon.core.spi.RunContext;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;

/**
 * {@code aws.asg.healthy}: counts a group's InService and Healthy instances ({@code value}); {@code ok}
 * when that count is at least {@code min}, or at least the desired capacity when {@code min} is absent.
 */
public final class AsgHealthyProbe implements Probe {

    @Override
    public String name() {
        return "aws.asg.healthy";
    }

    @Override
    public String description() {
        return "InService and Healthy instances of an Auto Scaling group, at least desired capacity (or min)";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.required("group", ParamType.STRING, "Auto Scaling group name"),
                ParamSpec.optional("min", ParamType.INTEGER, "healthy instances needed (default: the desired capacity)"));
    }

    @Override
    public ProbeObservation observe(Parameters parameters, RunContext context) {
        Instant start = context.clock().instant();
        String name = parameters.requireString("group");
        AwsClients clients = AwsClients.of(context);
        try {
            List<AutoScalingGroup> found;
            try {
                found = clients.autoScaling().describeAutoScalingGroups(b -> b.autoScalingGroupNames(name)).autoScalingGroups();
            } catch (SdkException e) {
                throw AwsFailures.translate(e, "autoscaling:DescribeAutoScalingGroups", "Auto Scaling group " + name, clients.settings());
            }
            Duration latency = Duration.between(start, context.clock().instant());
            if (found.isEmpty()) {
                return ProbeObservation.failed("Auto Scaling group " + name + " not found in " + clients.settings().where(), latency);
            }
            AutoScalingGroup g = found.get(0);
            long healthy = g.instances().stream()
                    .filter(i -> "InService".equals(i.lifecycleStateAsString()) && "Healthy".equalsIgnoreCase(i.healthStatus()))
                    .count();
            long needed = parameters.integer("min").orElse((long) g.desiredCapacity());
            Map<String, Object> values = new LinkedHashMap<>();
            values.put(ProbeObservation.VALUE, healthy);
            values.put("desired", g.desiredCapacity());
            values.put("needed", needed);
            values.put(ProbeObservation.OK, healthy >= needed);
            return ProbeObservation.of(values, latency);
        } catch (ProviderException e) {
            return ProbeObservation.failed(e.getMessage(), Duration.between(start, context.clock().instant()));
        }
    }
}
