package dev.andon.core.gameday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.andon.core.load.InvalidFileException;
import dev.andon.core.load.Problem;
import dev.andon.core.load.Variables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GameDayLoaderTest {

    @TempDir
    Path dir;

    private final GameDayLoader loader = new GameDayLoader((file, node, problems) -> Optional.empty());

    private GameDay load(String text) throws Exception {
        Files.writeString(dir.resolve("kill.yaml"), "apiVersion: andon.dev/v1\nkind: Experiment\n");
        return loader.load("gd.yaml", dir, text, new Variables(Map.of("port", "9999"), Map.of(), Map.of()));
    }

    private List<Problem> problems(String text) throws IOException {
        Files.writeString(dir.resolve("kill.yaml"), "x: 1\n");
        try {
            loader.load("gd.yaml", dir, text, Variables.NONE);
        } catch (InvalidFileException e) {
            return e.problems();
        }
        throw new AssertionError("expected the file to be rejected");
    }

    @Test
    @DisplayName("reads title, objectives, roles, hypotheses and every kind of step in order, with experiment paths relative to the file")
    void readsEverything() throws Exception {
        GameDay g = load("""
                apiVersion: andon.dev/v1
                kind: GameDay
                metadata: { name: practice, description: a drill }
                spec:
                  title: Practice
                  objectives: [The front stays up, The team can pull the cord]
                  roles: { owner: alice, coordinator: bob, reporter: carol, observers: [dave, erin] }
                  hypotheses: Losing a replica goes unnoticed
                  variables: { port: "8080", replicas: "3" }
                  practiceFleet: { replicas: 2 }
                  steps:
                    - note: everyone on the bridge
                    - experiment: kill.yaml
                      variables: { url: "http://127.0.0.1:${port}/" }
                    - checkpoint: Did the front stay up?
                      name: front-up
                    - wait: 1m30s
                """);
        assertThat(g.name()).isEqualTo("practice");
        assertThat(g.title()).isEqualTo("Practice");
        assertThat(g.objectives()).containsExactly("The front stays up", "The team can pull the cord");
        assertThat(g.roles()).isEqualTo(new Roles("alice", "bob", "carol", List.of("dave", "erin")));
        assertThat(g.hypotheses()).containsExactly("Losing a replica goes unnoticed");
        assertThat(g.variables()).containsEntry("port", "9999").containsEntry("replicas", "3");
        assertThat(g.practiceFleet()).isEqualTo(2);
        assertThat(g.steps()).hasSize(4);
        assertThat(g.steps().get(0)).isEqualTo(new GameDayStep.Note("note-1", "everyone on the bridge"));
        GameDayStep.ExperimentStep e = (GameDayStep.ExperimentStep) g.steps().get(1);
        assertThat(e.name()).isEqualTo("kill");
        assertThat(e.file()).isEqualTo(dir.resolve("kill.yaml").toAbsolutePath().normalize());
        assertThat(e.variables()).containsEntry("url", "http://127.0.0.1:9999/");
        assertThat(g.steps().get(2)).isEqualTo(new GameDayStep.Checkpoint("front-up", "Did the front stay up?"));
        assertThat(g.steps().get(3)).isEqualTo(new GameDayStep.Wait("wait-4", Duration.ofSeconds(90)));
    }

    @Test
    @DisplayName("reports every problem of the file at once, each with line, column and what to change")
    void reportsAllProblemsWithPositions() throws Exception {
        List<Problem> problems = problems("""
                apiVersion: andon.dev/v1
                kind: GameDay
                metadata: { name: practice }
                spec:
                  titel: Practice
                  steps:
                    - experiment: missing.yaml
                    - wait: soon
                    - checkpoint: ok?
                      note: two kinds
                    - note: "${undefined}"
                """);
        assertThat(problems).extracting(Problem::format).containsExactlyInAnyOrder(
                "gd.yaml:5:3: unknown key 'titel' in spec (did you mean 'title'?)",
                "gd.yaml:7:19: experiment file missing.yaml not found (looked at " + dir.resolve("missing.yaml") + ") (paths are relative to the game-day file's folder)",
                "gd.yaml:8:13: 'wait': expected a duration like 5s, but was 'soon' (write a whole number and a unit (ms, s, m, h, d): 250ms, 5s, 1m30s)",
                "gd.yaml:9:7: step 3 has several kinds: checkpoint, note (write exactly one of: experiment, checkpoint, wait, note)",
                "gd.yaml:11:14: undefined variable 'undefined' (pass --var undefined=VALUE, set it in a --var-file or the environment, or write ${undefined:-default})");
    }

    @Test
    @DisplayName("refuses an experiment file given to the game-day loader and says which command runs it")
    void refusesOtherKinds() throws Exception {
        List<Problem> problems = problems("""
                apiVersion: andon.dev/v1
                kind: Experiment
                metadata: { name: practice }
                spec: { steps: [ { note: hi } ] }
                """);
        assertThat(problems).singleElement().extracting(Problem::format).asString()
                .isEqualTo("gd.yaml:2:7: this is an Experiment file, not a GameDay file (run it with 'andon run FILE' or check it with 'andon validate FILE')");
    }

    @Test
    @DisplayName("rejects two steps with the same name, since the timeline and answer files refer to steps by name")
    void rejectsDuplicateNames() throws Exception {
        assertThat(problems("""
                apiVersion: andon.dev/v1
                kind: GameDay
                metadata: { name: practice }
                spec:
                  steps:
                    - { checkpoint: "a?", name: same }
                    - { checkpoint: "b?", name: same }
                """)).extracting(Problem::message).containsExactly("two steps are named 'same'");
    }

    @Test
    @DisplayName("an abort section without probes is an error at its position")
    void abortNeedsProbes() throws Exception {
        assertThatThrownBy(() -> load("""
                apiVersion: andon.dev/v1
                kind: GameDay
                metadata: { name: practice }
                spec:
                  abort: { interval: 2s }
                  steps: [ { note: hi } ]
                """)).isInstanceOf(InvalidFileException.class)
                .hasMessage("gd.yaml:5:10: missing required key 'probes' in spec.abort (add 'probes:' here)");
    }
}
