package dev.andon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input never touches anything: one line naming where and what to change, exit 2, no stack trace. */
class BadInputTest {

    @TempDir
    Path dir;

    private Path file(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    @DisplayName("an invalid experiment is exit 2 with file:line:column and a hint, and no stack trace")
    void invalidFile() throws Exception {
        Path f = file("bad.yaml", """
                apiVersion: andon.dev/v1
                kind: Experiment
                metadata: { name: bad }
                spec:
                  targets:
                    victims:
                      provider: local.process
                      selecter: { commandMatches: x }
                  method:
                    - { action: process.kill, target: victims }
                """);

        CliRun run = CliRun.of("run", f.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(f + ":8:7: ").contains("selecter").contains("did you mean 'selector'?");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.out()).doesNotContain("» inject");
    }

    @Test
    @DisplayName("validate reports every problem of every file, one line each, and exit 2 if any file is invalid")
    void validateManyFiles() throws Exception {
        Path good = Path.of("../experiments/local/quickstart.yaml");
        Path bad = file("bad.yaml", "apiVersion: andon.dev/v2\nkind: Experiment\nmetadata: { name: Bad_Name }\nspec: { method: [] }\n");

        CliRun run = CliRun.of("validate", good.toString(), bad.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("ok  " + good).contains("1 valid, 1 invalid");
        assertThat(run.err().lines().filter(l -> l.startsWith("error: " + bad + ":")).count()).isGreaterThanOrEqualTo(3);
        assertThat(run.err()).contains(bad + ":1:").doesNotContain("\tat ");
    }

    @Test
    @DisplayName("a missing file is one line and exit 2")
    void missingFile() {
        CliRun run = CliRun.of("run", dir.resolve("nope.yaml").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("error: " + dir.resolve("nope.yaml") + ": no such file (check the path)");
    }

    @Test
    @DisplayName("an unknown option is a usage error with a suggestion, exit 2")
    void unknownOption() {
        CliRun run = CliRun.of("run", "--dryrun", "x.yaml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--dryrun'").contains("--dry-run").contains("andon run --help");
    }

    @Test
    @DisplayName("a bad --var or --setting names the flag and the expected form, exit 2")
    void badVarAndSetting() throws Exception {
        Path f = Path.of("../experiments/local/quickstart.yaml");

        CliRun var = CliRun.of("run", f.toString(), "--var", "port");
        CliRun setting = CliRun.of("run", f.toString(), "--setting", "nosuch.key=1");

        assertThat(var.exitCode()).isEqualTo(2);
        assertThat(var.err().strip()).isEqualTo("error: --var port: expected NAME=VALUE, e.g. --var port=8080");
        assertThat(setting.exitCode()).isEqualTo(2);
        assertThat(setting.err()).contains("no plugin named 'nosuch'");
    }

    @Test
    @DisplayName("--verbose adds the stack trace to an error")
    void verboseShowsStackTrace() {
        CliRun quiet = CliRun.of("run", dir.resolve("nope.yaml").toString());
        CliRun verbose = CliRun.of("run", "--verbose", dir.resolve("nope.yaml").toString());

        assertThat(quiet.err()).doesNotContain("\tat ");
        assertThat(verbose.err()).contains("InvalidFileException").contains("\tat ");
    }

    @Test
    @DisplayName("--version, --help and the completion script work")
    void versionHelpCompletion() {
        assertThat(CliRun.of("--version").out()).startsWith("andon ");
        assertThat(CliRun.of("run", "--help").out()).contains("--dry-run").contains("Exit codes");
        CliRun completion = CliRun.of("completion");
        assertThat(completion.exitCode()).isZero();
        assertThat(completion.out()).contains("complete -F").contains("andon");
    }
}
