package dev.andon.core.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A table of bad files: each must fail with exactly one problem, with this message at this line and column,
 * and a hint that says what to change. Files start with a four-line header, so spec lines count from 5.
 */
class BadFilesTest {

    /** One bad file; {@code hint} is a fragment the hint must contain. */
    record Case(String name, String text, int line, int column, String message, String hint) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String HEADER = """
            apiVersion: andon.dev/v1
            kind: Experiment
            metadata: {name: bad}
            spec:
            """;

    private static final String TARGETS = """
              targets:
                replicas: {provider: fake.process}
                pods: {provider: fake.pod, selector: {namespace: shop}}
            """;

    private static final String KILL = """
              method:
                - action: fake.kill
                  target: replicas
            """;

    private static String spec(String body) {
        return HEADER + body;
    }

    private static Case bad(String name, String text, int line, int column, String message, String hint) {
        return new Case(name, text, line, column, message, hint);
    }

    static Stream<Case> cases() {
        return Stream.of(
                bad("unknown key in a target set, with did-you-mean", spec("""
                          targets:
                            replicas:
                              provider: fake.process
                              selecter: {commandMatches: x}
                        """ + KILL), 8, 7, "unknown key 'selecter' in target set 'replicas'", "did you mean 'selector'?"),
                bad("unknown top-level key", HEADER.replace("spec:\n", "") + "labels: {a: b}\nspec:\n" + TARGETS + KILL, 4, 1,
                        "unknown key 'labels' in the file", "known keys: apiVersion, kind, metadata, spec"),
                bad("unsupported apiVersion", spec(TARGETS + KILL).replace("andon.dev/v1", "andon.dev/v1beta"), 1, 13,
                        "unsupported apiVersion 'andon.dev/v1beta'", "reads 'apiVersion: andon.dev/v1'"),
                bad("a GameDay file given to the experiment loader", spec(TARGETS + KILL).replace("kind: Experiment", "kind: GameDay"), 2, 7,
                        "this is a GameDay file, not an Experiment file", "andon gameday run FILE"),
                bad("a Schedule file given to the experiment loader", spec(TARGETS + KILL).replace("kind: Experiment", "kind: Schedule"), 2, 7,
                        "this is a Schedule file, not an Experiment file", "andon daemon"),
                bad("misspelled kind", spec(TARGETS + KILL).replace("kind: Experiment", "kind: Experimnt"), 2, 7,
                        "unknown kind 'Experimnt'", "did you mean 'Experiment'?"),
                bad("metadata without a name", spec(TARGETS + KILL).replace("{name: bad}", "{description: x}"), 3, 11,
                        "missing required key 'name' in metadata", "add 'name:' here"),
                bad("metadata name that is not DNS-like", spec(TARGETS + KILL).replace("{name: bad}", "{name: Kill_One}"), 3, 18,
                        "metadata.name 'Kill_One' must be lowercase letters, digits and '-' (at most 63, starting and ending with a letter or digit)",
                        "for example 'kill-one'"),
                bad("misspelled target provider", spec("""
                          targets:
                            replicas: {provider: fake.proces}
                        """ + KILL), 6, 26, "unknown target provider 'fake.proces'", "did you mean 'fake.process'?"),
                bad("target provider no plugin provides lists the known ones", spec("""
                          targets:
                            replicas: {provider: k8s.pod}
                        """ + KILL), 6, 26, "unknown target provider 'k8s.pod'", "known providers: fake.pod, fake.process"),
                bad("unknown selector key", spec("""
                          targets:
                            replicas:
                              provider: fake.process
                              selector: {comandMatches: x}
                        """ + KILL), 8, 18, "unknown key 'comandMatches' in the selector of target set 'replicas'",
                        "did you mean 'commandMatches'?"),
                bad("selector value of the wrong type", spec("""
                          targets:
                            replicas:
                              provider: fake.process
                              selector:
                                parentPid: [1]
                        """ + KILL), 9, 20, "'parentPid': expected a whole number, but was a list", ""),
                bad("selector rejected by the provider's own check", spec("""
                          targets:
                            replicas:
                              provider: fake.process
                              selector: {commandMatches: "("}
                        """ + KILL), 8, 17, "selector: commandMatches is not a valid regex: Unclosed group", ""),
                bad("unknown selection mode", spec("""
                          targets:
                            replicas: {provider: fake.process, mode: some}
                        """ + KILL), 6, 46,
                        "'mode': expected one, all, count(n), percent(p) or random-max-percent(p), but was 'some'", "count(1)"),
                bad("selection mode out of range", spec("""
                          targets:
                            replicas: {provider: fake.process, mode: count(0)}
                        """ + KILL), 6, 46, "'mode': 'count(0)' is out of range", "at least 1"),
                bad("count(n) above safety.maxTargets", spec("""
                          targets:
                            replicas: {provider: fake.process, mode: count(5)}
                          safety: {maxTargets: 2}
                        """ + KILL), 6, 46, "mode count(5) would select more targets than safety.maxTargets (2)",
                        "lower the count or raise maxTargets"),
                bad("percent(p) above safety.maxPercent", spec("""
                          targets:
                            replicas: {provider: fake.process, mode: percent(50)}
                          safety: {maxPercent: 10}
                        """ + KILL), 6, 46, "mode percent(50) would select more than safety.maxPercent (10%)", "raise maxPercent"),
                bad("invalid regex in an exclusion", spec("""
                          targets:
                            replicas:
                              provider: fake.process
                              exclude:
                                - nameMatches: "[a-"
                        """ + KILL), 9, 24, "'nameMatches': invalid regex '[a-': Illegal character range", "escape special characters"),
                bad("empty exclusion", spec("""
                          targets:
                            replicas:
                              provider: fake.process
                              exclude:
                                - {}
                        """ + KILL), 9, 11, "an empty exclusion would exclude every target", "give ids, nameMatches, labels or groups"),
                bad("misspelled exclusion key", spec("""
                          targets:
                            replicas:
                              provider: fake.process
                              exclude:
                                - id: ["42"]
                        """ + KILL), 9, 11, "unknown key 'id' in exclude[0] of target set 'replicas'", "did you mean 'ids'?"),
                bad("perGroup below one", spec("""
                          targets:
                            replicas: {provider: fake.process, perGroup: 0}
                        """ + KILL), 6, 50, "'perGroup' must be at least 1, but was 0", ""),
                bad("misspelled hypothesis strategy", spec("""
                          hypothesis:
                            strategy: continous
                            probes: [{provider: cmd, command: ["true"]}]
                        """ + TARGETS + KILL), 6, 15, "'strategy': expected before-after or continuous, but was 'continous'",
                        "did you mean 'continuous'?"),
                bad("interval without a unit", spec("""
                          hypothesis:
                            interval: 5
                            probes: [{provider: cmd, command: ["true"]}]
                        """ + TARGETS + KILL), 6, 15, "'interval': expected a duration like 5s, but was the number 5", "add a unit: 5s or 5ms"),
                bad("misspelled probe", spec("""
                          hypothesis:
                            probes:
                              - name: front
                                provider: htp
                                url: http://127.0.0.1/
                        """ + TARGETS + KILL), 8, 19, "unknown probe 'htp'", "did you mean 'http'?"),
                bad("probe without its required parameter", spec("""
                          hypothesis:
                            probes:
                              - name: front
                                provider: http
                        """ + TARGETS + KILL), 7, 9, "missing required key 'url' in probe 'front'", "add 'url:' here"),
                bad("misspelled probe parameter", spec("""
                          hypothesis:
                            probes:
                              - name: front
                                provider: http
                                url: http://127.0.0.1/
                                timout: 1s
                        """ + TARGETS + KILL), 10, 9, "unknown key 'timout' in probe 'front'", "did you mean 'timeout'?"),
                bad("status that is not a number", spec("""
                          hypothesis:
                            probes:
                              - provider: http
                                url: http://127.0.0.1/
                                expect: {status: ok}
                        """ + TARGETS + KILL), 9, 26, "'status': expected a whole number, but was 'ok'", ""),
                bad("status that is not an HTTP status", spec("""
                          hypothesis:
                            probes:
                              - provider: http
                                url: http://127.0.0.1/
                                expect: {status: [200, 700]}
                        """ + TARGETS + KILL), 9, 32, "'status': 700 is not an HTTP status", "from 100 to 599"),
                bad("misspelled expectation key", spec("""
                          hypothesis:
                            probes:
                              - provider: http
                                url: http://127.0.0.1/
                                expect:
                                  statuss: 200
                        """ + TARGETS + KILL), 10, 11, "unknown key 'statuss' in expect of probe 'http'", "did you mean 'status'?"),
                bad("invalid body regex", spec("""
                          hypothesis:
                            probes:
                              - provider: http
                                url: http://127.0.0.1/
                                expect: {bodyMatches: "a{2"}
                        """ + TARGETS + KILL), 9, 31, "'bodyMatches': invalid regex 'a{2': Unclosed counted closure", ""),
                bad("unsupported JSON path", spec("""
                          hypothesis:
                            probes:
                              - provider: http
                                url: http://127.0.0.1/
                                expect:
                                  jsonPath: {path: status, equals: UP}
                        """ + TARGETS + KILL), 10, 28, "'path': unsupported JSON path 'status'", "e.g. $.status"),
                bad("numeric range upside down", spec("""
                          hypothesis:
                            probes:
                              - provider: cmd
                                command: [echo, "3"]
                                expect:
                                  value: {min: 5, max: 2}
                        """ + TARGETS + KILL), 10, 18, "expect.value: min 5.0 is above max 2.0", "swap them"),
                bad("two probes with one name", spec("""
                          hypothesis:
                            probes:
                              - {name: a, provider: cmd, command: ["true"]}
                              - {name: a, provider: cmd, command: ["true"]}
                        """ + TARGETS + KILL), 8, 9, "two probes of the hypothesis are named 'a' (first at line 7)", "give each probe its own 'name:'"),
                bad("no method", spec(TARGETS), 5, 3, "missing required key 'method' in spec", "add 'method:' here"),
                bad("step of no known kind", spec(TARGETS + """
                          method:
                            - acton: fake.kill
                        """), 9, 7, "step 1 of the method has none of 'action', 'pause', 'probe'", "'acton': did you mean 'action'?"),
                bad("step that is both an action and a pause", spec(TARGETS + """
                          method:
                            - {action: fake.announce, message: hi, pause: 1s}
                        """), 9, 7, "step 1 of the method has both 'action' and 'pause'", "split it into one step each"),
                bad("misspelled action", spec(TARGETS + """
                          method:
                            - action: fake.kil
                              target: replicas
                        """), 9, 15, "unknown action 'fake.kil'", "did you mean 'fake.kill'?"),
                bad("action no plugin provides lists the known ones", spec(TARGETS + """
                          method:
                            - action: k8s.pod.delete
                              target: pods
                        """), 9, 15, "unknown action 'k8s.pod.delete'", "known actions: fake.announce, fake.kill"),
                bad("action on targets without a target", spec(TARGETS + """
                          method:
                            - action: fake.kill
                        """), 9, 7, "action 'fake.kill' acts on targets, but the step has no 'target'", "add 'target:' naming one of: pods, replicas"),
                bad("dangling target reference", spec(TARGETS + """
                          method:
                            - action: fake.kill
                              target: replica
                        """), 10, 15, "unknown target set 'replica'", "did you mean 'replicas'?"),
                bad("action on a target set of a provider it does not accept", spec(TARGETS + """
                          method:
                            - action: fake.kill
                              target: pods
                        """), 10, 15, "action 'fake.kill' cannot act on target set 'pods' of provider 'fake.pod'",
                        "it acts on targets of: fake.process"),
                bad("target on an action that takes none", spec(TARGETS + """
                          method:
                            - action: fake.announce
                              target: replicas
                              message: hi
                        """), 10, 15, "action 'fake.announce' takes no targets", "remove 'target:'"),
                bad("parameter value outside its choices", spec(TARGETS + """
                          method:
                            - action: fake.kill
                              target: replicas
                              signal: KIL
                        """), 11, 15, "'signal' must be one of TERM, KILL, STOP, but was 'KIL'", "did you mean 'KILL'?"),
                bad("parameters rejected by the action's own check", spec(TARGETS + """
                          method:
                            - action: fake.kill
                              target: replicas
                              signal: KILL
                              grace: 5s
                        """), 9, 7, "action 'fake.kill' (step 1 of the method): 'grace' only applies to signal TERM", ""),
                bad("concurrency below one", spec(TARGETS + """
                          method:
                            - {action: fake.kill, target: replicas, concurrency: 0}
                        """), 9, 58, "'concurrency' must be at least 1, but was 0", ""),
                bad("pause that is not a duration", spec(TARGETS + """
                          method:
                            - pause: 5 seconds
                        """), 9, 14, "'pause': expected a duration like 5s, but was '5 seconds'", "250ms, 5s, 1m30s"),
                bad("rollback step that is not an action", spec(TARGETS + KILL + """
                          rollbacks:
                            - pause: 1s
                        """), 12, 7, "step 1 of the rollbacks is not an action", "the rollbacks hold only 'action:' steps"),
                bad("misspelled rollback condition", spec(TARGETS + KILL + """
                          rollbacks:
                            when: on-deviaton
                            steps: []
                        """), 12, 11, "'when': expected always, on-deviation or never, but was 'on-deviaton'", "did you mean 'on-deviation'?"),
                bad("maxTargets below one", spec(TARGETS + KILL + """
                          safety: {maxTargets: 0}
                        """), 11, 24, "'maxTargets' must be at least 1, but was 0", ""),
                bad("maxPercent above 100", spec(TARGETS + KILL + """
                          safety: {maxPercent: 150}
                        """), 11, 24, "'maxPercent' must be above 0 and at most 100, but was 150.0", ""),
                bad("misspelled safety key", spec(TARGETS + KILL + """
                          safety:
                            maxTarget: 1
                        """), 12, 5, "unknown key 'maxTarget' in spec.safety", "did you mean 'maxTargets'?"),
                bad("recovery timeout that is not a duration", spec(TARGETS + KILL + """
                          recovery: {timeout: soon}
                        """), 11, 23, "'timeout': expected a duration like 5s, but was 'soon'", ""),
                bad("settings of an unknown plugin", spec(TARGETS + KILL + """
                          settings:
                            fak: {endpoint: x}
                        """), 12, 5, "unknown plugin 'fak' under settings", "did you mean 'fake'?"),
                bad("plugin setting of the wrong type", spec(TARGETS + KILL + """
                          settings:
                            fake: {retries: many}
                        """), 12, 21, "'retries': expected a whole number, but was 'many'", ""),
                bad("undefined variable", spec(TARGETS + KILL + """
                          hypothesis:
                            probes:
                              - provider: http
                                url: "http://127.0.0.1:${port}/"
                        """), 14, 32, "undefined variable 'port'", "pass --var port=VALUE"),
                bad("'${' without a closing brace", spec(TARGETS + KILL + """
                          hypothesis:
                            probes:
                              - provider: http
                                url: http://127.0.0.1:${port/
                        """), 14, 31, "'${' without a variable name and a closing '}'", "write ${name} or ${name:-default}"),
                bad("misspelled variable declaration key", spec("""
                          variables:
                            token: {secrets: true}
                        """ + TARGETS + KILL), 6, 13, "unknown key 'secrets' in variable 'token'", "did you mean 'secret'?"),
                bad("spec that is a list", HEADER + "  - method\n", 5, 3, "'spec': expected a map, but was a list", ""),
                bad("duplicate key", spec(TARGETS + KILL + """
                          safety: {dryRun: true}
                          safety: {dryRun: false}
                        """), 12, 3, "duplicate key 'safety' (first at line 11)", "keep one of them"),
                bad("YAML syntax error", spec(TARGETS + """
                          method: [{pause: 1s}
                        """), 8, 23, "YAML syntax error: while parsing a flow sequence", "check indentation and quoting"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("a bad file fails with one problem naming line, column, what is wrong and what to change")
    void rejects(Case c) {
        InvalidFileException e = catchThrowableOfType(InvalidFileException.class,
                () -> new ExperimentLoader(FakePlugin.registry()).load("bad.yaml", c.text(), Variables.NONE));
        assertThat(e).as("no problem reported for:%n%s", c.text()).isNotNull();
        assertThat(e.problems()).as("problems").singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo(c.message());
            assertThat(p.line() + ":" + p.column()).isEqualTo(c.line() + ":" + c.column());
            assertThat(p.hint()).contains(c.hint());
            assertThat(p.file()).isEqualTo("bad.yaml");
        });
    }

    @org.junit.jupiter.api.Test
    @DisplayName("the table holds at least thirty bad files")
    void enoughCases() {
        assertThat(cases().count()).isGreaterThanOrEqualTo(30);
        assertThat(cases().map(Case::name).distinct().count()).isEqualTo(cases().count());
    }
}
