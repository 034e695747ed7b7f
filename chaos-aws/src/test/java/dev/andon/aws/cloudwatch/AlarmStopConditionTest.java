package dev.andon.aws.cloudwatch;

import static dev.andon.aws.FakeAws.cloudWatch;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.andon.aws.FakeAws;
import dev.andon.aws.MutableClock;
import dev.andon.core.engine.StopSignal;
import dev.andon.core.spi.Parameters;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AlarmStopConditionTest {

    private final FakeAws aws = new FakeAws();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));

    @AfterEach
    void stop() {
        aws.close();
    }

    private AlarmStopCondition condition() {
        Map<String, Object> settings = new HashMap<>(aws.settings());
        settings.put("stopAlarms", List.of("p99-latency"));
        settings.put("stopAlarmInterval", Duration.ofSeconds(5));
        return AlarmStopCondition.fromSettings(Parameters.of(settings), clock).orElseThrow();
    }

    private int calls() {
        return aws.server().findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/service/GraniteServiceVersion20100801/operation/DescribeAlarms"))).size();
    }

    @Test
    @DisplayName("stops the run once a stop alarm goes to ALARM, reading CloudWatch at most once per interval")
    void stopsOnAlarm() {
        aws.server().stubFor(cloudWatch("DescribeAlarms").inScenario("alarm").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(Cbor.answer(200, CloudWatchAlarmTest.alarms(Map.of("p99-latency", "OK")))).willSetStateTo("firing"));
        aws.server().stubFor(cloudWatch("DescribeAlarms").inScenario("alarm").whenScenarioStateIs("firing")
                .willReturn(Cbor.answer(200, CloudWatchAlarmTest.alarms(Map.of("p99-latency", "ALARM")))));

        try (AlarmStopCondition condition = condition()) {
            assertThat(condition.poll()).isEmpty();
            clock.advance(Duration.ofSeconds(1));
            assertThat(condition.poll()).as("within the interval the last answer stands").isEmpty();
            assertThat(calls()).isEqualTo(1);

            clock.advance(Duration.ofSeconds(5));
            assertThat(condition.poll()).contains(new StopSignal.Stop("stop condition: CloudWatch alarm p99-latency is in ALARM", false));
            clock.advance(Duration.ofSeconds(60));
            assertThat(condition.poll()).as("latched").isPresent();
            assertThat(calls()).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("a stop alarm that cannot be read stops the run, saying why")
    void unreadableStops() {
        aws.server().stubFor(cloudWatch("DescribeAlarms").willReturn(Cbor.answer(403,
                Map.of("__type", "com.amazonaws.cloudwatch#AccessDenied", "message", "denied")).withHeader("x-amzn-query-error", "AccessDenied;Sender")));

        try (AlarmStopCondition condition = condition()) {
            assertThat(condition.poll()).hasValueSatisfying(s -> assertThat(s.reason())
                    .startsWith("stop condition cannot be read: not authorized to cloudwatch:DescribeAlarms"));
        }
    }

    @Test
    @DisplayName("no stopAlarms in the settings means no stop condition")
    void none() {
        assertThat(AlarmStopCondition.fromSettings(Parameters.of(aws.settings()), clock)).isEmpty();
    }
}
