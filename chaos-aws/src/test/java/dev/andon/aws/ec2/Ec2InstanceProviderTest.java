package dev.andon.aws.ec2;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.andon.aws.FakeAws.query;
import static dev.andon.aws.FakeAws.xml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.andon.aws.AwsXml;
import dev.andon.aws.FakeAws;
import dev.andon.aws.FakeInstance;
import dev.andon.aws.TestRun;
import dev.andon.core.spi.Candidate;
import dev.andon.core.spi.Candidates;
import dev.andon.core.spi.Parameters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class Ec2InstanceProviderTest {

    private final FakeAws aws = new FakeAws();
    private final Ec2InstanceProvider provider = new Ec2InstanceProvider();

    @AfterEach
    void stop() {
        aws.close();
    }

    private static Map<String, String> reasons(Candidates c) {
        Map<String, String> m = new java.util.TreeMap<>();
        for (Candidate x : c.candidates()) {
            m.put(x.target().id(), x.exclusion().orElse("eligible"));
        }
        return m;
    }

    @Test
    @DisplayName("asks EC2 for running instances with the selector's tags and filters, a thousand per page")
    void sendsFilters() throws Exception {
        aws.server().stubFor(query("DescribeInstances").willReturn(xml(AwsXml.describeInstances(
                List.of(FakeInstance.optedIn("i-0aaa", "us-east-1a")), null))));
        aws.server().stubFor(query("DescribeInstanceAttribute").willReturn(xml(AwsXml.terminationProtection("i-0aaa", false))));

        try (TestRun run = aws.run()) {
            Candidates found = provider.candidates(Parameters.of(Map.of(
                    "tags", Map.of("team", "shop"),
                    "filters", Map.of("instance-type", "t3.micro, t3.small"))), run);

            assertThat(found.eligible()).extracting(t -> t.id()).containsExactly("i-0aaa");
            assertThat(found.eligible().get(0).attribute("zone")).isEqualTo("us-east-1a");
            assertThat(found.eligible().get(0).name()).isEqualTo("web-i-0aaa");
        }
        Map<String, String> form = FakeAws.form(aws.queryCalls("DescribeInstances").get(0));
        assertThat(form).containsEntry("Filter.1.Name", "instance-state-name").containsEntry("Filter.1.Value.1", "running")
                .containsEntry("Filter.2.Name", "tag:team").containsEntry("Filter.2.Value.1", "shop")
                .containsEntry("Filter.3.Name", "instance-type").containsEntry("Filter.3.Value.1", "t3.micro")
                .containsEntry("Filter.3.Value.2", "t3.small").containsEntry("MaxResults", "1000");
    }

    @Test
    @DisplayName("follows NextToken across pages and counts every API call")
    void paginates() throws Exception {
        aws.server().stubFor(query("DescribeInstances").atPriority(5).willReturn(xml(AwsXml.describeInstances(
                List.of(FakeInstance.optedIn("i-0001", "us-east-1a"), FakeInstance.optedIn("i-0002", "us-east-1b")), "page-2"))));
        aws.server().stubFor(query("DescribeInstances").atPriority(1).withRequestBody(containing("NextToken=page-2"))
                .willReturn(xml(AwsXml.describeInstances(List.of(FakeInstance.optedIn("i-0003", "us-east-1c")), null))));

        try (TestRun run = aws.run()) {
            Candidates found = provider.candidates(Parameters.of(Map.of("checkTerminationProtection", false)), run);

            assertThat(found.eligible()).extracting(t -> t.id()).containsExactly("i-0001", "i-0002", "i-0003");
            assertThat(found.apiCalls()).isEqualTo(2);
        }
        assertThat(aws.queryCalls("DescribeInstances")).hasSize(2);
    }

    @Test
    @DisplayName("excludes, each with its reason, the unopted, the protected, the termination-protected and Andon's own instance")
    void safetyRules() throws Exception {
        aws.server().stubFor(query("DescribeInstances").willReturn(xml(AwsXml.describeInstances(List.of(
                FakeInstance.optedIn("i-0ok", "us-east-1a"),
                FakeInstance.running("i-0unopted", "us-east-1a", Map.of("Name", "db")),
                FakeInstance.running("i-0protected", "us-east-1a", Map.of("andon:enabled", "true", "andon:protected", "yes")),
                FakeInstance.optedIn("i-0locked", "us-east-1a"),
                FakeInstance.optedIn("i-0self", "us-east-1a")), null))));
        aws.server().stubFor(query("DescribeInstanceAttribute").willReturn(xml(AwsXml.terminationProtection("i-0ok", false))));
        aws.server().stubFor(query("DescribeInstanceAttribute").atPriority(1).withRequestBody(containing("InstanceId=i-0locked"))
                .willReturn(xml(AwsXml.terminationProtection("i-0locked", true))));
        aws.server().stubFor(put(urlEqualTo("/latest/api/token")).willReturn(aResponse().withBody("token-123")));
        aws.server().stubFor(get(urlEqualTo("/latest/meta-data/instance-id"))
                .withHeader("X-aws-ec2-metadata-token", com.github.tomakehurst.wiremock.client.WireMock.equalTo("token-123"))
                .willReturn(aResponse().withBody("i-0self")));

        try (TestRun run = aws.run()) {
            Candidates found = provider.candidates(Parameters.empty(), run);

            assertThat(reasons(found))
                    .containsEntry("i-0ok", "eligible")
                    .containsEntry("i-0unopted", "not opted in: tag the instance with andon:enabled=true")
                    .containsEntry("i-0protected", "the instance is tagged andon:protected")
                    .containsEntry("i-0locked", "termination protection is on (disableApiTermination)")
                    .hasEntrySatisfying("i-0self", r -> assertThat(r).startsWith("Andon runs on this instance"));
        }
        // Termination protection is asked only for instances the tag rules left eligible.
        assertThat(aws.queryCalls("DescribeInstanceAttribute")).extracting(r -> FakeAws.form(r).get("InstanceId"))
                .containsExactlyInAnyOrder("i-0ok", "i-0locked");
    }

    @Test
    @DisplayName("AZ mode with a named zone excludes every instance outside it")
    void namedZone() throws Exception {
        aws.server().stubFor(query("DescribeInstances").willReturn(xml(AwsXml.describeInstances(List.of(
                FakeInstance.optedIn("i-0a", "us-east-1a"), FakeInstance.optedIn("i-0b", "us-east-1b")), null))));

        try (TestRun run = aws.run()) {
            Candidates found = provider.candidates(Parameters.of(Map.of("zone", "us-east-1b", "checkTerminationProtection", false)), run);

            assertThat(found.eligible()).extracting(t -> t.id()).containsExactly("i-0b");
            assertThat(reasons(found).get("i-0a")).isEqualTo("in us-east-1a, outside availability zone us-east-1b (the zone named by the selector)");
        }
    }

    @Test
    @DisplayName("AZ mode 'random' picks the same zone for the same seed and says which in a note")
    void randomZoneIsSeeded() throws Exception {
        aws.server().stubFor(query("DescribeInstances").willReturn(xml(AwsXml.describeInstances(List.of(
                FakeInstance.optedIn("i-0a", "us-east-1a"), FakeInstance.optedIn("i-0b", "us-east-1b"),
                FakeInstance.optedIn("i-0c", "us-east-1c")), null))));
        Parameters selector = Parameters.of(Map.of("zone", "random", "zoneSeed", 42L, "checkTerminationProtection", false));

        List<String> first;
        try (TestRun run = aws.run()) {
            first = provider.candidates(selector, run).eligible().stream().map(t -> t.attribute("zone")).distinct().toList();
            assertThat(run.notes()).anyMatch(n -> n.startsWith("AZ mode: picked availability zone " + first.get(0)) && n.contains("zoneSeed 42"));
        }
        try (TestRun again = aws.run()) {
            List<String> second = provider.candidates(selector, again).eligible().stream().map(t -> t.attribute("zone")).distinct().toList();
            assertThat(second).hasSize(1).isEqualTo(first);
        }
    }
}
