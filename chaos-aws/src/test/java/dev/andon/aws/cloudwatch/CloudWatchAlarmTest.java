package dev.andon.aws.cloudwatch;

import static dev.andon.aws.FakeAws.cloudWatch;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.andon.aws.FakeAws;
import dev.andon.aws.TestRun;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.ProbeObservation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

public class CloudWatchAlarmTest {

    private final FakeAws aws = new FakeAws();

    @AfterEach
    void stop() {
        aws.close();
    }

    public static Map<String, Object> alarms(Map<String, String> states) {
        return Map.of("MetricAlarms", states.entrySet().stream()
                .map(e -> Map.of("AlarmName", e.getKey(), "StateValue", e.getValue(), "StateReason", "Threshold Crossed"))
                .toList(), "CompositeAlarms", List.of());
    }

    private List<LoggedRequest> describeCalls() {
        return aws.server().findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/service/GraniteServiceVersion20100801/operation/DescribeAlarms")));
    }

    @Test
    @DisplayName("the alarm probe is ok while no alarm is in ALARM, asking CloudWatch in Smithy RPC v2 CBOR")
    void quiet() throws Exception {
        aws.server().stubFor(cloudWatch("DescribeAlarms").willReturn(Cbor.answer(200, alarms(Map.of("p99-latency", "OK", "errors-5xx", "INSUFFICIENT_DATA")))));

        try (TestRun run = aws.run()) {
            ProbeObservation o = new CloudWatchAlarmProbe().observe(Parameters.of(Map.of("alarms", List.of("p99-latency", "errors-5xx"))), run);

            assertThat(o.error()).isEmpty();
            assertThat(o.values()).containsEntry(ProbeObservation.OK, true).containsEntry(ProbeObservation.VALUE, 0L);
        }
        LoggedRequest sent = describeCalls().get(0);
        assertThat(sent.getHeader("smithy-protocol")).isEqualTo("rpc-v2-cbor");
        JsonNode body = Cbor.read(sent.getBody());
        assertThat(body.get("AlarmNames")).extracting(JsonNode::asText).containsExactly("p99-latency", "errors-5xx");
    }

    @Test
    @DisplayName("the alarm probe is not ok when an alarm is in ALARM, and fails on an alarm CloudWatch does not know")
    void firingAndMissing() throws Exception {
        aws.server().stubFor(cloudWatch("DescribeAlarms").willReturn(Cbor.answer(200, alarms(Map.of("p99-latency", "ALARM")))));

        try (TestRun run = aws.run()) {
            ProbeObservation firing = new CloudWatchAlarmProbe().observe(Parameters.of(Map.of("alarms", List.of("p99-latency"))), run);
            assertThat(firing.values()).containsEntry(ProbeObservation.OK, false).containsEntry(ProbeObservation.VALUE, 1L);

            ProbeObservation missing = new CloudWatchAlarmProbe().observe(Parameters.of(Map.of("alarms", List.of("p99-latency", "typo"))), run);
            assertThat(missing.error()).contains("CloudWatch has no alarm named typo");
        }
    }

    @Test
    @DisplayName("AccessDenied from CloudWatch fails the observation with one line naming cloudwatch:DescribeAlarms")
    void denied() throws Exception {
        aws.server().stubFor(cloudWatch("DescribeAlarms").willReturn(Cbor.answer(403,
                Map.of("__type", "com.amazonaws.cloudwatch#AccessDenied", "message", "not authorized")).withHeader("x-amzn-query-error", "AccessDenied;Sender")));

        try (TestRun run = aws.run()) {
            ProbeObservation o = new CloudWatchAlarmProbe().observe(Parameters.of(Map.of("alarms", List.of("p99-latency"))), run);

            assertThat(o.error()).hasValueSatisfying(e -> assertThat(e).startsWith("not authorized to cloudwatch:DescribeAlarms on alarms [p99-latency]")
                    .doesNotContain("\n"));
        }
    }
}
