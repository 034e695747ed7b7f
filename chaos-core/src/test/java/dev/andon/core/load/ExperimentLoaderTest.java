package dev.andon.core.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.andon.core.model.Check;
import dev.andon.core.model.ExclusionRule;
import dev.andon.core.model.Experiment;
import dev.andon.core.model.Hypothesis;
import dev.andon.core.model.MethodStep;
import dev.andon.core.model.ProbeSpec;
import dev.andon.core.model.Rollbacks;
import dev.andon.core.model.SelectionMode;
import dev.andon.core.model.TargetSet;
import dev.andon.core.spi.ProbeObservation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentLoaderTest {

    static final String FULL = """
            apiVersion: andon.dev/v1
            kind: Experiment
            metadata:
              name: kill-one-replica
              description: Losing one replica never breaks the storefront
              labels: {team: shop}
            spec:
              settings:
                fake: {endpoint: "http://127.0.0.1:9", retries: 5}
              targets:
                replicas:
                  provider: fake.process
                  selector: {commandMatches: "fleet-replica", user: andon}
                  mode: count(2)
                  exclude:
                    - ids: ["1", "2"]
                    - nameMatches: "^keep-"
                      labels: {protected: "true"}
                    - groups: [db]
                  perGroup: 1
              hypothesis:
                strategy: continuous
                interval: 200ms
                probes:
                  - name: storefront-answers
                    provider: http
                    url: http://127.0.0.1:8080/
                    expect:
                      status: [200, 204]
                      latencyBelow: 500ms
                      bodyMatches: "ok|UP"
                      jsonPath: {path: $.status, equals: UP}
                  - name: ready-count
                    provider: cmd
                    command: [sh, -c, "echo 3"]
                    expect:
                      exitCode: 0
                      stdoutMatches: "\\\\d"
                      value: {atLeast: 2, max: 5}
              method:
                - action: fake.kill
                  target: replicas
                  signal: STOP
                  revertAfter: 10s
                  concurrency: 2
                - pause: 5s
                - probe:
                    name: mid-check
                    provider: http
                    url: http://127.0.0.1:8080/health
                    expect: {ok: true}
                - action: fake.announce
                  message: half time
              rollbacks:
                when: on-deviation
                steps:
                  - action: fake.announce
                    message: rolled back
              safety: {maxTargets: 2, maxPercent: 50, dryRun: true, abortOnDeviation: false}
              recovery: {timeout: 30s}
            """;

    private final ExperimentLoader loader = new ExperimentLoader(FakePlugin.registry());

    @Test
    @DisplayName("a file using every section loads into the expected model")
    void loadsEverySection() throws Exception {
        Experiment e = loader.load("full.yaml", FULL, Variables.NONE);

        assertThat(e.source()).isEqualTo("full.yaml");
        assertThat(e.metadata().name()).isEqualTo("kill-one-replica");
        assertThat(e.metadata().labels()).containsEntry("team", "shop");
        assertThat(e.settings("fake").string("endpoint")).contains("http://127.0.0.1:9");
        assertThat(e.settings("fake").integer("retries")).contains(5L);

        TargetSet replicas = e.targetSet("replicas").orElseThrow();
        assertThat(replicas.provider()).isEqualTo("fake.process");
        assertThat(replicas.selector().string("commandMatches")).contains("fleet-replica");
        assertThat(replicas.mode()).isEqualTo(new SelectionMode(SelectionMode.Kind.COUNT, 2));
        assertThat(replicas.perGroup()).contains(1);
        assertThat(replicas.exclude()).hasSize(3);
        assertThat(replicas.exclude().get(0).ids()).containsExactly("1", "2");
        ExclusionRule second = replicas.exclude().get(1);
        assertThat(second.nameMatches().orElseThrow().pattern()).isEqualTo("^keep-");
        assertThat(second.labels()).containsEntry("protected", "true");
        assertThat(replicas.exclude().get(2).groups()).containsExactly("db");

        Hypothesis h = e.hypothesis();
        assertThat(h.strategy()).isEqualTo(Hypothesis.Strategy.CONTINUOUS);
        assertThat(h.interval()).isEqualTo(Duration.ofMillis(200));
        assertThat(h.probes()).extracting(ProbeSpec::name).containsExactly("storefront-answers", "ready-count");
        ProbeSpec http = h.probes().get(0);
        assertThat(http.probe()).isEqualTo("http");
        assertThat(http.parameters().string("url")).contains("http://127.0.0.1:8080/");
        assertThat(http.parameters().duration("timeout")).contains(Duration.ofSeconds(2));
        assertThat(http.expect().checks()).hasSize(4).hasAtLeastOneElementOfType(Check.JsonPath.class);
        assertThat(http.expect().checks().get(0)).isEqualTo(new Check.StatusIn(java.util.Set.of(200, 204)));
        assertThat(http.expect().checks().get(1)).isEqualTo(new Check.LatencyBelow(Duration.ofMillis(500)));
        ProbeSpec cmd = h.probes().get(1);
        assertThat(cmd.parameters().stringList("command")).containsExactly("sh", "-c", "echo 3");
        assertThat(cmd.expect().checks()).contains(new Check.Equals(ProbeObservation.EXIT_CODE, 0L),
                new Check.Range(ProbeObservation.VALUE, Optional.of(2.0), Optional.of(5.0)));

        assertThat(e.method()).hasSize(4);
        MethodStep.ActionStep kill = (MethodStep.ActionStep) e.method().get(0);
        assertThat(kill.action()).isEqualTo("fake.kill");
        assertThat(kill.target()).contains("replicas");
        assertThat(kill.parameters().string("signal")).contains("STOP");
        assertThat(kill.revertAfter()).contains(Duration.ofSeconds(10));
        assertThat(kill.concurrency()).isEqualTo(2);
        assertThat(e.method().get(1)).isEqualTo(new MethodStep.Pause(Duration.ofSeconds(5)));
        assertThat(((MethodStep.ProbeStep) e.method().get(2)).probe().name()).isEqualTo("mid-check");
        MethodStep.ActionStep announce = (MethodStep.ActionStep) e.method().get(3);
        assertThat(announce.target()).isEmpty();
        assertThat(announce.parameters().string("message")).contains("half time");

        assertThat(e.rollbacks().when()).isEqualTo(Rollbacks.When.ON_DEVIATION);
        assertThat(e.rollbacks().steps()).extracting(MethodStep.ActionStep::action).containsExactly("fake.announce");
        assertThat(e.safety().maxTargets()).contains(2);
        assertThat(e.safety().maxPercent()).contains(50.0);
        assertThat(e.safety().dryRun()).isTrue();
        assertThat(e.safety().abortOnDeviation()).isFalse();
        assertThat(e.recovery().timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(e.document()).containsKeys("apiVersion", "kind", "metadata", "spec");
    }

    @Test
    @DisplayName("a minimal file gets the documented defaults")
    void defaults() throws Exception {
        Experiment e = loader.load("min.yaml", """
                apiVersion: andon.dev/v1
                kind: Experiment
                metadata: {name: minimal}
                spec:
                  targets:
                    procs: {provider: fake.process}
                  method:
                    - action: fake.kill
                      target: procs
                """, Variables.NONE);
        assertThat(e.targetSet("procs").orElseThrow().mode()).isEqualTo(SelectionMode.ONE);
        assertThat(e.hypothesis().isEmpty()).isTrue();
        assertThat(((MethodStep.ActionStep) e.method().get(0)).parameters().string("signal")).contains("TERM");
        assertThat(e.rollbacks().when()).isEqualTo(Rollbacks.When.ALWAYS);
        assertThat(e.safety().abortOnDeviation()).isTrue();
        assertThat(e.safety().dryRun()).isFalse();
        assertThat(e.recovery().timeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    @DisplayName("JSON files load like YAML files")
    void json() throws Exception {
        Experiment e = loader.load("min.json", """
                {"apiVersion": "andon.dev/v1", "kind": "Experiment", "metadata": {"name": "from-json"},
                 "spec": {"method": [{"action": "fake.announce", "message": "hi"}, {"pause": "1s"}]}}
                """, Variables.NONE);
        assertThat(e.method()).hasSize(2);
    }

    @Test
    @DisplayName("a list under rollbacks means 'always run these steps'")
    void rollbacksAsList() throws Exception {
        Experiment e = loader.load("r.yaml", """
                apiVersion: andon.dev/v1
                kind: Experiment
                metadata: {name: r}
                spec:
                  method: [{pause: 1s}]
                  rollbacks:
                    - action: fake.announce
                      message: undo
                """, Variables.NONE);
        assertThat(e.rollbacks().when()).isEqualTo(Rollbacks.When.ALWAYS);
        assertThat(e.rollbacks().steps()).hasSize(1);
    }

    @Test
    @DisplayName("loads from a path and names the path in problems")
    void fromPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("e.yaml");
        Files.writeString(file, FULL);
        assertThat(loader.load(file, Variables.NONE).source()).isEqualTo(file.toString());
        Files.writeString(file, FULL.replace("interval: 200ms", "interval: soon"));
        assertThatThrownBy(() -> loader.load(file, Variables.NONE))
                .isInstanceOf(InvalidFileException.class)
                .hasMessageStartingWith(file + ":23:15: 'interval': expected a duration like 5s, but was 'soon'");
    }

    @Test
    @DisplayName("a missing file is one problem naming the path")
    void missingFile(@TempDir Path dir) {
        assertThatThrownBy(() -> loader.load(dir.resolve("nope.yaml"), Variables.NONE))
                .isInstanceOfSatisfying(InvalidFileException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.message()).isEqualTo("no such file")));
    }

    @Test
    @DisplayName("every problem of a file is reported at once, in file order")
    void allProblemsAtOnce() {
        String bad = FULL
                .replace("provider: fake.process", "provider: fake.proces")
                .replace("interval: 200ms", "interval: 200")
                .replace("latencyBelow: 500ms", "latencyBelow: fast")
                .replace("target: replicas", "target: replica")
                .replace("pause: 5s", "pause: five")
                .replace("dryRun: true", "dryRun: yes please");
        assertThatThrownBy(() -> loader.load("bad.yaml", bad, Variables.NONE))
                .isInstanceOfSatisfying(InvalidFileException.class, e -> assertThat(e.problems())
                        .extracting(Problem::format)
                        .containsExactly(
                                "bad.yaml:12:17: unknown target provider 'fake.proces' (did you mean 'fake.process'?)",
                                "bad.yaml:23:15: 'interval': expected a duration like 5s, but was the number 200 (add a unit: 200s or 200ms)",
                                "bad.yaml:30:25: 'latencyBelow': expected a duration like 5s, but was 'fast' "
                                        + "(write a whole number and a unit (ms, s, m, h, d): 250ms, 5s, 1m30s)",
                                "bad.yaml:42:15: unknown target set 'replica' (did you mean 'replicas'?)",
                                "bad.yaml:46:14: 'pause': expected a duration like 5s, but was 'five' "
                                        + "(write a whole number and a unit (ms, s, m, h, d): 250ms, 5s, 1m30s)",
                                "bad.yaml:59:51: 'dryRun': expected true or false, but was 'yes please'"));
    }

    @Test
    @DisplayName("the message of the exception is the first problem in file order and how many more there are")
    void exceptionMessage() {
        assertThatThrownBy(() -> loader.load("x.yaml", "apiVersion: andon.dev/v2\nkind: Experiment\nmetadata: {}\n", Variables.NONE))
                .hasMessage("x.yaml:1:1: missing required key 'spec' in the file (add 'spec:' here) (and 2 more)");
    }

    @Test
    @DisplayName("the model keeps file order of target sets")
    void targetOrder() throws Exception {
        Experiment e = loader.load("o.yaml", """
                apiVersion: andon.dev/v1
                kind: Experiment
                metadata: {name: o}
                spec:
                  targets:
                    zeta: {provider: fake.process}
                    alpha: {provider: fake.pod, selector: {namespace: shop, labels: {app: web}}, mode: all}
                  method: [{pause: 1s}]
                """, Variables.NONE);
        assertThat(e.targets().keySet()).containsExactly("zeta", "alpha");
        assertThat(e.targetSet("alpha").orElseThrow().selector().stringMap("labels")).isEqualTo(Map.of("app", "web"));
        assertThat(List.copyOf(e.targets().values())).extracting(TargetSet::mode).containsExactly(SelectionMode.ONE, SelectionMode.ALL);
    }
}
