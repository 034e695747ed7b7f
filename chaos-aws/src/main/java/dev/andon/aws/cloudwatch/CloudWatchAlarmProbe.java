package dev.andon.aws.cloudwatch;

import dev.andon.aws.AwsClients;
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

/**
 * {@code aws.cloudwatch.alarm}: {@code ok} while none of the named alarms is in ALARM; {@code value} is how
 * many are. An alarm CloudWatch does not know fails the observation: a misspelt alarm must not read as
 * "all quiet".
 */
public final class CloudWatchAlarmProbe implements Probe {

    public static final String NAME = "aws.cloudwatch.alarm";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "CloudWatch alarms are not in ALARM";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.required("alarms", ParamType.STRING_LIST, "alarm names"));
    }

    @Override
    public ProbeObservation observe(Parameters parameters, RunContext context) {
        Instant start = context.clock().instant();
        try {
            Map<String, String> states = AlarmStates.read(AwsClients.of(context), parameters.stringList("alarms"));
            Duration latency = Duration.between(start, context.clock().instant());
            List<String> missing = states.entrySet().stream().filter(e -> e.getValue().equals("MISSING")).map(Map.Entry::getKey).toList();
            if (!missing.isEmpty()) {
                return ProbeObservation.failed("CloudWatch has no alarm named " + String.join(", ", missing), latency);
            }
            List<String> firing = AlarmStates.inAlarm(states);
            Map<String, Object> values = new LinkedHashMap<>();
            values.put(ProbeObservation.VALUE, (long) firing.size());
            values.put(ProbeObservation.BODY, states.toString());
            values.put(ProbeObservation.OK, firing.isEmpty());
            return ProbeObservation.of(values, latency);
        } catch (ProviderException e) {
            return ProbeObservation.failed(e.getMessage(), Duration.between(start, context.clock().instant()));
        }
    }
}
