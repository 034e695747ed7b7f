package dev.andon.aws.elb;

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
import java.util.TreeMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

/**
 * {@code aws.elbv2.targets-healthy}: healthy targets of a load balancer target group ({@code value});
 * {@code ok} when at least {@code min} are healthy, or every registered target when {@code min} is absent.
 */
public final class TargetGroupHealthProbe implements Probe {

    @Override
    public String name() {
        return "aws.elbv2.targets-healthy";
    }

    @Override
    public String description() {
        return "healthy targets of an ELBv2 target group, at least min (default: all registered)";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.required("targetGroupArn", ParamType.STRING, "ARN of the target group"),
                ParamSpec.optional("min", ParamType.INTEGER, "healthy targets needed (default: every registered target)"));
    }

    @Override
    public List<String> check(Parameters p) {
        return p.string("targetGroupArn").filter(a -> !a.startsWith("arn:")).map(a ->
                List.of("targetGroupArn: '" + a + "' is not an ARN (arn:aws:elasticloadbalancing:...:targetgroup/name/id)"))
                .orElse(List.of());
    }

    @Override
    public ProbeObservation observe(Parameters parameters, RunContext context) {
        Instant start = context.clock().instant();
        String arn = parameters.requireString("targetGroupArn");
        AwsClients clients = AwsClients.of(context);
        try {
            List<TargetHealthDescription> targets;
            try {
                targets = clients.elbv2().describeTargetHealth(b -> b.targetGroupArn(arn)).targetHealthDescriptions();
            } catch (SdkException e) {
                throw AwsFailures.translate(e, "elasticloadbalancing:DescribeTargetHealth", "target group " + arn, clients.settings());
            }
            Map<String, Long> byState = new TreeMap<>();
            for (TargetHealthDescription t : targets) {
                String state = t.targetHealth() == null ? "unknown" : t.targetHealth().stateAsString();
                byState.merge(state, 1L, Long::sum);
            }
            long healthy = byState.getOrDefault("healthy", 0L);
            long needed = parameters.integer("min").orElse((long) targets.size());
            Map<String, Object> values = new LinkedHashMap<>();
            values.put(ProbeObservation.VALUE, healthy);
            values.put("registered", (long) targets.size());
            values.put("states", byState.toString());
            values.put(ProbeObservation.OK, healthy >= needed && healthy > 0);
            return ProbeObservation.of(values, Duration.between(start, context.clock().instant()));
        } catch (ProviderException e) {
            return ProbeObservation.failed(e.getMessage(), Duration.between(start, context.clock().instant()));
        }
    }
}
