package dev.andon.core.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.andon.core.model.Experiment;
import dev.andon.core.model.MethodStep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariablesTest {

    private static final String FILE = """
            apiVersion: andon.dev/v1
            kind: Experiment
            metadata: {name: vars}
            spec:
              variables:
                message: {default: declared, description: what to announce}
                token: {secret: true}
                limit: 3
              settings:
                fake: {apiKey: "${apiKey:-k-123456}"}
              hypothesis:
                probes:
                  - provider: http
                    url: "http://127.0.0.1:${port:-8080}/health"
                    headers: {Authorization: "Bearer ${token:-none}"}
                    token: "${probeToken:-p-999888}"
              targets:
                replicas: {provider: fake.process, mode: "count(${count:-1})"}
              method:
                - action: fake.announce
                  message: "${message:-inline}"
                - action: fake.kill
                  target: replicas
                  concurrency: ${limit}
              safety:
                maxTargets: ${limit}
            """;

    private final ExperimentLoader loader = new ExperimentLoader(FakePlugin.registry());

    private static String message(Experiment e) {
        return ((MethodStep.ActionStep) e.method().get(0)).parameters().requireString("message");
    }

    private static String url(Experiment e) {
        return e.hypothesis().probes().get(0).parameters().requireString("url");
    }

    @Test
    @DisplayName("--var wins over --var-file, which wins over the environment, which wins over defaults")
    void lookupOrder() throws Exception {
        assertThat(message(loader.load("v.yaml", FILE, new Variables(Map.of("message", "cli"), Map.of("message", "file"), Map.of("message", "env")))))
                .isEqualTo("cli");
        assertThat(message(loader.load("v.yaml", FILE, new Variables(Map.of(), Map.of("message", "file"), Map.of("message", "env")))))
                .isEqualTo("file");
        assertThat(message(loader.load("v.yaml", FILE, new Variables(Map.of(), Map.of(), Map.of("message", "env")))))
                .isEqualTo("env");
    }

    @Test
    @DisplayName("the inline default comes before the default declared under spec.variables")
    void defaults() throws Exception {
        Experiment e = loader.load("v.yaml", FILE, Variables.NONE);
        assertThat(message(e)).isEqualTo("inline");
        assertThat(url(e)).isEqualTo("http://127.0.0.1:8080/health");
        Experiment declaredOnly = loader.load("v.yaml", FILE.replace("${message:-inline}", "${message}"), Variables.NONE);
        assertThat(message(declaredOnly)).isEqualTo("declared");
    }

    @Test
    @DisplayName("a value that is exactly one variable may stand where a whole number is expected")
    void typedSubstitution() throws Exception {
        Experiment e = loader.load("v.yaml", FILE, new Variables(Map.of("limit", "2", "count", "2"), Map.of(), Map.of()));
        assertThat(e.safety().maxTargets()).contains(2);
        assertThat(((MethodStep.ActionStep) e.method().get(1)).concurrency()).isEqualTo(2);
        assertThat(e.targetSet("replicas").orElseThrow().mode().toString()).isEqualTo("count(2)");
    }

    @Test
    @DisplayName("a variable that is not a number where a number is expected is reported at the value")
    void typedSubstitutionRejectsText() {
        InvalidFileException e = catchThrowableOfType(InvalidFileException.class,
                () -> loader.load("v.yaml", FILE, new Variables(Map.of("limit", "two"), Map.of(), Map.of())));
        assertThat(e.problems()).extracting(Problem::format).containsExactly(
                "v.yaml:24:20: 'concurrency': expected a whole number, but was 'two'",
                "v.yaml:26:17: 'maxTargets': expected a whole number, but was 'two'");
    }

    @Test
    @DisplayName("text that only looks like a number stays text: 007 keeps its zeros")
    void leadingZerosStayText() throws Exception {
        Experiment e = loader.load("v.yaml", FILE, new Variables(Map.of("message", "007"), Map.of(), Map.of()));
        assertThat(message(e)).isEqualTo("007");
    }

    @Test
    @DisplayName("values of secret variables and secret parameters are redacted in the document and listed as secrets")
    void secretsRedacted() throws Exception {
        Experiment e = loader.load("v.yaml", FILE, new Variables(Map.of("token", "t0p-s3cret"), Map.of(), Map.of()));
        assertThat(e.secretValues()).containsExactlyInAnyOrder("t0p-s3cret", "p-999888", "k-123456");
        String document = e.document().toString();
        assertThat(document).doesNotContain("t0p-s3cret", "p-999888", "k-123456").contains("Bearer ***");
        assertThat(e.hypothesis().probes().get(0).parameters().stringMap("headers")).containsEntry("Authorization", "Bearer t0p-s3cret");
        assertThat(e.redact("sent Bearer t0p-s3cret")).isEqualTo("sent Bearer ***");
    }

    @Test
    @DisplayName("a secret value is masked in problems too")
    void secretsRedactedInProblems() {
        String text = FILE.replace("concurrency: ${limit}", "concurrency: ${token}");
        InvalidFileException e = catchThrowableOfType(InvalidFileException.class,
                () -> loader.load("v.yaml", text, new Variables(Map.of("token", "t0p-s3cret"), Map.of(), Map.of())));
        assertThat(e.problems()).extracting(Problem::format)
                .containsExactly("v.yaml:24:20: 'concurrency': expected a whole number, but was '***'");
        assertThat(e.getMessage()).doesNotContain("t0p-s3cret");
    }

    @Test
    @DisplayName("the document keeps the variable declarations as written and the rest as resolved")
    void documentIsResolved() throws Exception {
        Experiment e = loader.load("v.yaml", FILE, Variables.NONE);
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) e.document().get("spec");
        assertThat(spec).containsKey("variables");
        assertThat(spec.get("safety")).isEqualTo(Map.of("maxTargets", 3L));
        assertThat(e.document().toString()).contains("http://127.0.0.1:8080/health");
    }

    @Test
    @DisplayName("every undefined variable is reported at its own position")
    void undefined() {
        String text = FILE.replace("${port:-8080}", "${port}").replace("${message:-inline}", "${greeting}");
        InvalidFileException e = catchThrowableOfType(InvalidFileException.class, () -> loader.load("v.yaml", text, Variables.NONE));
        assertThat(e.problems()).extracting(Problem::format).containsExactly(
                "v.yaml:14:32: undefined variable 'port' (pass --var port=VALUE, set it in a --var-file or the environment, or write ${port:-default})",
                "v.yaml:21:17: undefined variable 'greeting' (pass --var greeting=VALUE, set it in a --var-file or the environment, "
                        + "or write ${greeting:-default})");
    }

    @Test
    @DisplayName("$${ writes a literal ${")
    void escape() throws Exception {
        Experiment e = loader.load("v.yaml", FILE.replace("${message:-inline}", "cost $${price}"), Variables.NONE);
        assertThat(message(e)).isEqualTo("cost ${price}");
    }

    @Test
    @DisplayName("variable files are read from YAML, JSON and KEY=VALUE lines, later files winning")
    void varFiles(@TempDir Path dir) throws Exception {
        Path yaml = Files.writeString(dir.resolve("a.yaml"), "port: 8081\nregion: eu-west-1\n");
        Path json = Files.writeString(dir.resolve("b.json"), "{\"port\": \"8082\", \"debug\": true}");
        Path env = Files.writeString(dir.resolve("c.env"), "# local overrides\n\nexport TOKEN=\"abc def\"\nport = 8083\n");
        assertThat(VarFiles.read(yaml)).isEqualTo(Map.of("port", "8081", "region", "eu-west-1"));
        assertThat(VarFiles.read(json)).isEqualTo(Map.of("port", "8082", "debug", "true"));
        assertThat(VarFiles.read(env)).isEqualTo(Map.of("TOKEN", "abc def", "port", "8083"));
        assertThat(VarFiles.readAll(List.of(yaml, json, env))).containsEntry("port", "8083").containsEntry("region", "eu-west-1");
    }

    @Test
    @DisplayName("a bad line of a variables file is reported with its line number")
    void badVarFile() {
        InvalidFileException e = catchThrowableOfType(InvalidFileException.class, () -> VarFiles.read("vars.env", "A=1\nnot an assignment\n"));
        assertThat(e.problems()).extracting(Problem::format)
                .containsExactly("vars.env:2:1: expected NAME=VALUE, but was 'not an assignment' (write one NAME=VALUE per line, or use a .yaml or .json file)");
        InvalidFileException nested = catchThrowableOfType(InvalidFileException.class, () -> VarFiles.read("vars.yaml", "a: [1]\n"));
        assertThat(nested.problems()).extracting(Problem::format).containsExactly("vars.yaml:1:4: 'a': expected a string, but was a list");
    }
}
