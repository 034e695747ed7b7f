package dev.andon.aws.cloudwatch;

import dev.andon.aws.AwsClients;
import dev.andon.aws.AwsFailures;
import dev.andon.core.spi.ProviderException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/** Reads the state of named CloudWatch alarms (metric and composite), following NextToken. */
final class AlarmStates {

    static final String ALARM = "ALARM";
    private static final int MAX_NAMES_PER_CALL = 100;

    private AlarmStates() {
    }

    /** State by alarm name; a name CloudWatch does not know maps to {@code MISSING}. */
    static Map<String, String> read(AwsClients clients, List<String> names) throws ProviderException {
        Map<String, String> states = new TreeMap<>();
        for (int from = 0; from < names.size(); from += MAX_NAMES_PER_CALL) {
            List<String> chunk = names.subList(from, Math.min(names.size(), from + MAX_NAMES_PER_CALL));
            String token = null;
            do {
                String next = token;
                DescribeAlarmsResponse page;
                try {
                    page = clients.cloudWatch().describeAlarms(b -> b.alarmNames(chunk).alarmTypesWithStrings("MetricAlarm", "CompositeAlarm")
                            .nextToken(next));
                } catch (SdkException e) {
                    throw AwsFailures.translate(e, "cloudwatch:DescribeAlarms", "alarms " + chunk, clients.settings());
                }
                for (MetricAlarm a : page.metricAlarms()) {
                    states.put(a.alarmName(), a.stateValueAsString());
                }
                for (CompositeAlarm a : page.compositeAlarms()) {
                    states.put(a.alarmName(), a.stateValueAsString());
                }
                token = page.nextToken();
            } while (token != null && !token.isEmpty());
        }
        for (String n : names) {
            states.putIfAbsent(n, "MISSING");
        }
        return states;
    }

    static List<String> inAlarm(Map<String, String> states) {
        return states.entrySet().stream().filter(e -> ALARM.equals(e.getValue())).map(Map.Entry::getKey).toList();
    }
}
