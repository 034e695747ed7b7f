package dev.andon.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("the demo kills one replica of a real fleet, holds, measures recovery, journals, and leaves no process behind")
    void demo() throws Exception {
        CliRun run = CliRun.of("demo", "--seed", "7", "--journal-dir", dir.toString(), "--data-dir", dir.resolve("store").toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).containsPattern("HELD · time to recovery \\d+\\.\\ds").contains("practice fleet stopped");
        Matcher m = Pattern.compile("replicas: \\[([0-9, ]+)]").matcher(run.out());
        assertThat(m.find()).isTrue();
        for (String pid : m.group(1).split(",\\s*")) {
            assertThat(ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false))
                    .as("replica " + pid + " left running").isFalse();
        }
        try (var files = Files.list(dir)) {
            JsonNode journal = new ObjectMapper().readTree(files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow().toFile());
            assertThat(journal.path("result").path("outcome").asText()).isEqualTo("held");
            assertThat(journal.path("result").path("timeToRecoveryMs").asLong()).isPositive();
            assertThat(journal.path("selections").get(0).path("selected")).hasSize(1);
        }
    }
}
