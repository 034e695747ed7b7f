package dev.andon.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.andon.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    @TempDir
    Path dir;

    private Path file(String extra) throws Exception {
        Path f = dir.resolve("needs-vars.yaml");
        Files.writeString(f, """
                apiVersion: andon.dev/v1
                kind: Experiment
                metadata: { name: needs-vars }
                spec:
                  targets:
                    victims: { provider: local.process, selector: { commandMatches: "sleep", user: "${pattern}" }, mode: one }
                  hypothesis:
                    probes:
                      - { name: web, provider: http, url: "http://127.0.0.1:${port}/", expect: { status: 200 } }
                  method:
                    - { action: process.kill, target: victims%s }
                """.formatted(extra));
        return f;
    }

    @Test
    @DisplayName("a file whose only problems are variables without a value is valid, and says what to give at run time")
    void unsetVariablesAreForRunTime() throws Exception {
        CliRun run = CliRun.of("validate", file("").toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("valid; give at run time: --var pattern=… --var port=…");
    }

    @Test
    @DisplayName("--require-vars makes variables without a value errors")
    void requireVars() throws Exception {
        CliRun run = CliRun.of("validate", "--require-vars", file("").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("undefined variable 'pattern'").contains("undefined variable 'port'");
    }

    @Test
    @DisplayName("an unset variable never hides a real problem in the same file")
    void realProblemsStillFail() throws Exception {
        CliRun run = CliRun.of("validate", file(", signal: KILLL").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("KILLL");
    }
}
