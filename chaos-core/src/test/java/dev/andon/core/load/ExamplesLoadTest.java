package dev.andon.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.andon.core.model.Experiment;
import dev.andon.core.spi.PluginRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The examples users copy load with the plugins built into chaos-core: the local examples and the docs' examples. */
class ExamplesLoadTest {

    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(apiVersion:.*?)```", Pattern.DOTALL);

    private final ExperimentLoader loader = new ExperimentLoader(PluginRegistry.load());

    @TestFactory
    @DisplayName("every Experiment under experiments/local loads with the built-in plugins and its defaults")
    Stream<DynamicTest> localExamplesLoad() throws IOException {
        Path local = ExampleFilesSchemaTest.experimentsDir().resolve("local");
        List<Path> files = Files.isDirectory(local) ? ExampleFilesSchemaTest.exampleFiles(local) : List.of();
        return files.stream()
                .filter(ExamplesLoadTest::isExperiment)
                .map(file -> DynamicTest.dynamicTest(local.relativize(file).toString(), () -> {
                    Experiment e = loader.load(file, Variables.NONE);
                    assertThat(e.method()).isNotEmpty();
                }));
    }

    @TestFactory
    @DisplayName("every complete experiment shown in docs/file-format.md loads")
    Stream<DynamicTest> docsExamplesLoad() throws IOException {
        Path doc = ExampleFilesSchemaTest.experimentsDir().resolveSibling("docs").resolve("file-format.md");
        Matcher m = YAML_BLOCK.matcher(Files.readString(doc));
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertThat(blocks).isNotEmpty();
        return blocks.stream().map(text -> DynamicTest.dynamicTest("example " + (blocks.indexOf(text) + 1),
                () -> assertThat(loader.load("file-format.md", text, Variables.NONE).metadata().name()).isNotBlank()));
    }

    private static boolean isExperiment(Path file) {
        try {
            return Files.readString(file).lines().anyMatch(l -> l.matches("\\s*\"?kind\"?\\s*:\\s*\"?Experiment\"?,?\\s*"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
