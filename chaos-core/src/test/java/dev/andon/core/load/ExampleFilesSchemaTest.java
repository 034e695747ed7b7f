package dev.andon.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example file under {@code experiments/} matches the JSON Schema of its kind
 * ({@code experiments/schema/<kind>.schema.json}); kinds without a schema yet are skipped.
 */
class ExampleFilesSchemaTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    static Path experimentsDir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("experiments").resolve("schema"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("experiments/schema above " + Path.of("").toAbsolutePath()).isNotNull();
        return dir.resolve("experiments");
    }

    @TestFactory
    @DisplayName("every example file matches the JSON Schema of its kind")
    Stream<DynamicTest> examplesMatchTheirSchema() {
        Path experiments = experimentsDir();
        List<Path> files = exampleFiles(experiments);
        Stream<DynamicTest> schemaCompiles = Stream.of(DynamicTest.dynamicTest("the Experiment schema compiles",
                () -> assertThat(schemaFor(experiments, "Experiment")).isPresent()));
        return Stream.concat(schemaCompiles, files.stream().map(file -> DynamicTest.dynamicTest(experiments.relativize(file).toString(),
                () -> assertThat(problems(experiments, file)).as(file.toString()).isEmpty())));
    }

    @Test
    @DisplayName("an invalid example file fails the check with the place of the problem")
    void invalidExampleFails(@TempDir Path dir) throws IOException {
        Path experiments = copySchemas(dir);
        Path bad = Files.createDirectories(experiments.resolve("local")).resolve("bad.yaml");
        Files.writeString(bad, """
                apiVersion: andon.dev/v1
                kind: Experiment
                metadata: {name: bad}
                spec:
                  method:
                    - pause: soon
                """);
        assertThat(exampleFiles(experiments)).containsExactly(bad);
        assertThat(problems(experiments, bad)).isNotEmpty().anySatisfy(p -> assertThat(p).contains("$.spec.method[0]"));
    }

    @Test
    @DisplayName("an empty experiments folder is not an error")
    void emptyFolder(@TempDir Path dir) throws IOException {
        assertThat(exampleFiles(copySchemas(dir))).isEmpty();
    }

    @Test
    @DisplayName("the schema accepts every section of the format as the loader reads it")
    void acceptsFullExample() throws IOException {
        JsonSchema schema = schemaFor(experimentsDir(), "Experiment").orElseThrow();
        assertThat(schema.validate(YAML.readTree(ExperimentLoaderTest.FULL))).isEmpty();
    }

    @Test
    @DisplayName("the schema rejects unknown keys, bad durations, bad modes and mixed steps")
    void rejectsBadShapes() throws IOException {
        JsonSchema schema = schemaFor(experimentsDir(), "Experiment").orElseThrow();
        String header = "apiVersion: andon.dev/v1\nkind: Experiment\nmetadata: {name: x}\nspec:\n";
        assertThat(schema.validate(YAML.readTree(header + "  method: [{pause: 1s}]\n  extra: 1\n"))).isNotEmpty();
        assertThat(schema.validate(YAML.readTree(header + "  method: [{pause: 5}]\n"))).isNotEmpty();
        assertThat(schema.validate(YAML.readTree(header + "  method: [{pause: 1s}]\n  targets: {a: {provider: p, mode: some}}\n")))
                .isNotEmpty();
        assertThat(schema.validate(YAML.readTree(header + "  method: [{action: a, pause: 1s}]\n"))).isNotEmpty();
        assertThat(schema.validate(YAML.readTree(header + "  method: [{pause: \"${wait:-1s}\"}]\n  safety: {maxTargets: \"${max}\"}\n")))
                .as("variables may stand for durations and numbers").isEmpty();
    }

    @Test
    @DisplayName("the schema is itself valid JSON Schema draft 2020-12")
    void schemaIsValid() throws IOException {
        JsonSchema meta = SCHEMAS.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        JsonNode schema = JSON.readTree(experimentsDir().resolve("schema/experiment.schema.json").toFile());
        assertThat(meta.validate(schema)).isEmpty();
    }

    /** YAML and JSON files under {@code experiments/}, outside {@code schema/}, in a stable order. */
    static List<Path> exampleFiles(Path experiments) {
        try (Stream<Path> walk = Files.walk(experiments)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(experiments.resolve("schema")))
                    .filter(p -> p.toString().matches(".*\\.(ya?ml|json)$"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the schema of the file's kind says is wrong with it; empty when it matches or no schema exists for its kind. */
    static List<String> problems(Path experiments, Path file) throws IOException {
        JsonNode document = (file.toString().endsWith(".json") ? JSON : YAML).readTree(file.toFile());
        String kind = document == null || document.get("kind") == null ? "" : document.get("kind").asText();
        Optional<JsonSchema> schema = schemaFor(experiments, kind);
        if (kind.equals("Experiment") && schema.isEmpty()) {
            return List.of("experiments/schema/experiment.schema.json is missing");
        }
        List<String> problems = new ArrayList<>();
        schema.ifPresent(s -> s.validate(document).stream().map(ValidationMessage::getMessage).forEach(problems::add));
        return problems;
    }

    static Optional<JsonSchema> schemaFor(Path experiments, String kind) throws IOException {
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        Path file = experiments.resolve("schema").resolve(kind.toLowerCase(Locale.ROOT) + ".schema.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode node = JSON.readTree(file.toFile());
        return Optional.of(SCHEMAS.getSchema(node));
    }

    private static Path copySchemas(Path dir) throws IOException {
        Path experiments = Files.createDirectories(dir.resolve("experiments").resolve("schema"));
        Path source = experimentsDir().resolve("schema").resolve("experiment.schema.json");
        Files.copy(source, experiments.resolve("experiment.schema.json"));
        return experiments.getParent();
    }
}
