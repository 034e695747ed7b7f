package dev.andon.core.gameday;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** experiments/schema/gameday.schema.json says what the game-day loader says, for editors and CI. */
class GameDaySchemaTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private static Path schemaFile() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(dir.resolve("experiments/schema/gameday.schema.json"))) {
            dir = dir.getParent();
        }
        return dir.resolve("experiments/schema/gameday.schema.json");
    }

    private static List<String> problems(String yaml) throws Exception {
        JsonSchema schema = SCHEMAS.getSchema(JSON.readTree(schemaFile().toFile()));
        return schema.validate(YAML.readTree(yaml)).stream().map(ValidationMessage::getMessage).toList();
    }

    private static final String HEADER = "apiVersion: andon.dev/v1\nkind: GameDay\nmetadata: {name: drill}\nspec:\n";

    @Test
    @DisplayName("the schema is valid JSON Schema draft 2020-12")
    void schemaIsValid() throws Exception {
        JsonSchema meta = SCHEMAS.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        JsonNode schema = JSON.readTree(schemaFile().toFile());
        assertThat(meta.validate(schema)).isEmpty();
    }

    @Test
    @DisplayName("accepts every kind of step, roles, objectives and abort probes written like hypothesis probes")
    void acceptsFullGameDay() throws Exception {
        assertThat(problems(HEADER + """
                  title: Drill
                  objectives: one objective
                  roles: { owner: a, coordinator: b, reporter: c, observers: [d, e] }
                  hypotheses: [h1, h2]
                  variables: { port: 8080 }
                  abort:
                    interval: 1s
                    consecutiveFailures: 2
                    probes: [ { name: up, provider: http, url: "http://127.0.0.1:${port}/", expect: { status: 200 } } ]
                  steps:
                    - { experiment: kill.yaml, name: kill, variables: { port: "${port}" } }
                    - { checkpoint: "ok?", name: ok }
                    - { wait: 1m30s }
                    - { note: done }
                """)).isEmpty();
    }

    @Test
    @DisplayName("rejects what the loader rejects: two kinds in a step, unknown keys, bad durations, variables on a checkpoint")
    void rejectsBadShapes() throws Exception {
        assertThat(problems(HEADER + "  steps: [ { checkpoint: a, note: b } ]\n")).isNotEmpty();
        assertThat(problems(HEADER + "  steps: [ { wiat: 5s } ]\n")).isNotEmpty();
        assertThat(problems(HEADER + "  steps: [ { wait: soon } ]\n")).isNotEmpty();
        assertThat(problems(HEADER + "  steps: [ { checkpoint: a, variables: { x: 1 } } ]\n")).isNotEmpty();
        assertThat(problems(HEADER + "  steps: []\n")).isNotEmpty();
        assertThat(problems(HEADER + "  titel: x\n  steps: [ { note: a } ]\n")).isNotEmpty();
        assertThat(problems(HEADER + "  abort: { interval: 1s }\n  steps: [ { note: a } ]\n")).isNotEmpty();
    }
}
