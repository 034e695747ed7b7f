package dev.andon.core.journal;

import static dev.andon.core.testing.Experiments.experiment;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.core.engine.ActionRecord;
import dev.andon.core.engine.Outcome;
import dev.andon.core.engine.Phase;
import dev.andon.core.engine.ProbeSample;
import dev.andon.core.engine.RunOptions;
import dev.andon.core.engine.RunResult;
import dev.andon.core.engine.StopSignal;
import dev.andon.core.model.Experiment;
import dev.andon.core.model.SelectionMode;
import dev.andon.core.spi.Compensation;
import dev.andon.core.spi.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");

    @TempDir
    Path dir;

    private static Experiment withSecret(String secret) {
        Experiment e = experiment().nodes("nodes", SelectionMode.ONE).act("mem.crash", "nodes").build();
        return new Experiment(e.source(), e.metadata(), e.targets(), e.hypothesis(), e.method(), e.rollbacks(), e.safety(), e.recovery(),
                e.settings(), Map.of("spec", Map.of("token", secret)), List.of(secret));
    }

    private JsonNode read(Path journal) throws Exception {
        return JSON.readTree(Files.readString(journal));
    }

    @Test
    @DisplayName("the file is complete JSON after every event, says 'running' until the result, and keeps undos as pending")
    void alwaysReadable() throws Exception {
        Path journal = dir.resolve("j.json");
        JournalWriter w = new JournalWriter(journal);
        Target target = new Target("mem.node", "node-1", "node-1", null, Map.of(), Map.of());

        w.runStarted(withSecret("s3cr3t"), new RunOptions("run-1", 42, false, Map.of(), StopSignal.NEVER, "cli"), T0);
        assertThat(read(journal).path("status").asText()).isEqualTo("running");
        w.phaseStarted(Phase.INJECT, T0.plusSeconds(1));
        w.undoPlanned("undo-1", new Compensation("mem.thaw", Optional.of(target), Map.of(), "thaw node-1"), T0.plusSeconds(1));
        JsonNode mid = read(journal);
        assertThat(mid.path("phase").asText()).isEqualTo("inject");
        assertThat(mid.path("undos").get(0).path("status").asText()).isEqualTo("pending");
        assertThat(mid.path("result").isNull()).isTrue();

        w.undoFinished("undo-1", new ActionRecord("undo", "mem.thaw", Optional.of(target), T0.plusSeconds(2), T0.plusSeconds(2),
                ActionRecord.Status.DONE, "thawed node-1", Map.of(), Optional.empty()));
        w.runFinished(new RunResult("run-1", "test-experiment", Outcome.HELD, "hypothesis held", false, Optional.of(Duration.ofMillis(1500)),
                false, 42, false, List.of(), T0, T0.plusSeconds(3)));

        JsonNode end = read(journal);
        assertThat(end.path("status").asText()).isEqualTo("finished");
        assertThat(end.path("undos").get(0).path("status").asText()).isEqualTo("done");
        assertThat(end.path("result").path("outcome").asText()).isEqualTo("held");
        assertThat(end.path("result").path("timeToRecoveryMs").asLong()).isEqualTo(1500);
        assertThat(end.path("seed").asLong()).isEqualTo(42);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("j.json");
        }
    }

    @Test
    @DisplayName("a secret value never reaches the file, wherever it appears: document, probe values, failures, notes")
    void secretsRedacted() throws Exception {
        Path journal = dir.resolve("j.json");
        JournalWriter w = new JournalWriter(journal);
        w.runStarted(withSecret("s3cr3t"), new RunOptions("run-1", 1, false, Map.of(), StopSignal.NEVER, "cli"), T0);
        w.probeSampled(new ProbeSample("api", "before", T0, false, Duration.ofMillis(3),
                Map.of("body", "token=s3cr3t"), List.of("body does not match /s3cr3t-ok/")));
        w.note("calling https://api/?key=s3cr3t", T0);

        String text = Files.readString(journal);
        assertThat(text).doesNotContain("s3cr3t").contains("token=***").contains("key=***");
    }
}
