package dev.andon.aws.ecs;

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
import software.amazon.awssdk.services.ecs.model.Service;

/** {@code aws.ecs.service-steady}: {@code ok} when a service runs as many tasks as it wants; {@code value} is the running count. */
public final class EcsServiceSteadyProbe implements Probe {

    @Override
    public String name() {
        return "aws.ecs.service-steady";
    }

    @Override
    public String description() {
        return "an ECS service runs its desired number of tasks";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.required("cluster", ParamType.STRING, "ECS cluster name or ARN"),
                ParamSpec.required("service", ParamType.STRING, "service name"));
    }

    @Override
    public ProbeObservation observe(Parameters parameters, RunContext context) {
        Instant start = context.clock().instant();
        String cluster = parameters.requireString("cluster");
        String service = parameters.requireString("service");
        AwsClients clients = AwsClients.of(context);
        try {
            List<Service> found;
            try {
                found = clients.ecs().describeServices(b -> b.cluster(cluster).services(service)).services();
            } catch (SdkException e) {
                throw AwsFailures.translate(e, "ecs:DescribeServices", "service " + service + " of cluster " + cluster, clients.settings());
            }
            Duration latency = Duration.between(start, context.clock().instant());
            if (found.isEmpty()) {
                return ProbeObservation.failed("ECS service " + service + " not found in cluster " + cluster, latency);
            }
            Service s = found.get(0);
            Map<String, Object> values = new LinkedHashMap<>();
            values.put(ProbeObservation.VALUE, (long) s.runningCount());
            values.put("desired", s.desiredCount());
            values.put("pending", s.pendingCount());
            values.put(ProbeObservation.OK, s.runningCount().equals(s.desiredCount()));
            return ProbeObservation.of(values, latency);
        } catch (ProviderException e) {
            return ProbeObservation.failed(e.getMessage(), Duration.between(start, context.clock().instant()));
        }
    }
}
