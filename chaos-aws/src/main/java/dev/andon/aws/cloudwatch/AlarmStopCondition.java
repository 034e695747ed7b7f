package dev.andon.aws.cloudwatch;

import dev.andon.aws.AwsClients;
import dev.andon.aws.AwsSettings;
import dev.andon.core.engine.StopSignal;
import dev.andon.core.model.Experiment;
import dev.andon.core.spi.ParameterBinding;
import dev.andon.core.spi.StopCondition;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.ProviderException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CloudWatch alarms as a stop condition, as AWS FIS has them: the run is aborted the moment one of the
 * {@code stopAlarms} of {@code spec.settings.aws} is in ALARM. The engine polls stop signals every 100 ms,
 * so the alarms are read at most once per {@code stopAlarmInterval} and the answer is kept in between.
 * Once an alarm has fired the stop is latched. An alarm that cannot be read stops the run too: a stop
 * condition nobody can see is no safety at all.
 */
public final class AlarmStopCondition implements StopSignal, StopCondition {

    private static final String AWS = "aws";

    private final AwsClients clients;
    private final List<String> alarms;
    private final Duration interval;
    private final Clock clock;
    private Instant nextRead = Instant.MIN;
    private Optional<Stop> stop = Optional.empty();

    public AlarmStopCondition(AwsClients clients, List<String> alarms, Duration interval, Clock clock) {
        if (alarms.isEmpty()) {
            throw new IllegalArgumentException("a stop condition needs at least one alarm");
        }
        this.clients = clients;
        this.alarms = List.copyOf(alarms);
        this.interval = interval;
        this.clock = clock;
    }

    /**
     * The stop condition of an experiment's {@code aws} settings (after command-line overrides), or empty when
     * it names no {@code stopAlarms}. The caller closes it when the run ends.
     */
    public static Optional<AlarmStopCondition> fromSettings(Parameters awsSettings, Clock clock) {
        AwsSettings settings = AwsSettings.from(awsSettings);
        if (settings.stopAlarms().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AlarmStopCondition(new AwsClients(settings), settings.stopAlarms(), settings.stopAlarmInterval(), clock));
    }

    public List<String> alarms() {
        return alarms;
    }

    @Override
    public Optional<String> reasonToStop() {
        return poll().map(Stop::reason);
    }

    @Override
    public synchronized Optional<Stop> poll() {
        Instant now = clock.instant();
        if (stop.isPresent() || now.isBefore(nextRead)) {
            return stop;
        }
        nextRead = now.plus(interval);
        try {
            Map<String, String> states = AlarmStates.read(clients, alarms);
            List<String> firing = AlarmStates.inAlarm(states);
            List<String> missing = states.entrySet().stream().filter(e -> e.getValue().equals("MISSING")).map(Map.Entry::getKey).toList();
            if (!firing.isEmpty()) {
                stop = Optional.of(new Stop("stop condition: CloudWatch alarm " + String.join(", ", firing) + " is in ALARM", false));
            } else if (!missing.isEmpty()) {
                stop = Optional.of(new Stop("stop condition: CloudWatch has no alarm named " + String.join(", ", missing)
                        + " (fix spec.settings.aws.stopAlarms)", false));
            }
        } catch (ProviderException e) {
            stop = Optional.of(new Stop("stop condition cannot be read: " + e.getMessage(), false));
        }
        return stop;
    }

    @Override
    public void close() {
        clients.close();
    }
}
