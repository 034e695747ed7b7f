package dev.andon.core.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Randomly damaged files: whatever the damage, loading either succeeds or fails with positioned problems,
 * never with another exception. The seed is printed; set {@code -Dandon.fuzz.seed=N} to replay one.
 */
class LoaderFuzzTest {

    private static final int FILES = Integer.getInteger("andon.fuzz.files", 200);
    private static final String[] REPLACEMENTS = {
        "", "0", "-1", "5", "2.5", "true", "null", "[]", "{}", "[1, 2]", "{a: b}", "\"\"", "count(0)", "percent(101)", "0s",
        "${x}", "${", "$${x}", "(", "[a-", "fake.kill", "replicas", "http", "999999999999999999999", "-5s", "1e400", "~",
    };

    private final ExperimentLoader loader = new ExperimentLoader(FakePlugin.registry());

    @Test
    @DisplayName("a randomly damaged file loads or fails with positioned problems, never with another exception")
    void damagedFilesFailCleanly() {
        long seed = Long.getLong("andon.fuzz.seed", System.nanoTime());
        System.out.println("LoaderFuzzTest seed: " + seed + " (replay with -Dandon.fuzz.seed=" + seed + ")");
        SplittableRandom random = new SplittableRandom(seed);
        int rejected = 0;
        for (int i = 0; i < FILES; i++) {
            String text = damage(ExperimentLoaderTest.FULL, random);
            try {
                loader.load("fuzz.yaml", text, Variables.NONE);
            } catch (InvalidFileException e) {
                rejected++;
                assertThat(e.problems()).as("seed %d, file %d", seed, i).isNotEmpty()
                        .allSatisfy(p -> assertThat(p.message()).isNotBlank())
                        .allSatisfy(p -> assertThat(p.line()).isBetween(0, (int) text.lines().count() + 1));
            } catch (RuntimeException e) {
                fail("seed " + seed + ", file " + i + ": " + e + "\n" + text, e);
            }
        }
        assertThat(rejected).as("most damage is detected").isGreaterThan(FILES / 2);
    }

    private static String damage(String text, SplittableRandom random) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(lines.size());
            String line = lines.get(at);
            switch (random.nextInt(4)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(random.nextInt(lines.size()), line);
                case 2 -> {
                    int colon = line.indexOf(": ");
                    String value = REPLACEMENTS[random.nextInt(REPLACEMENTS.length)];
                    lines.set(at, colon < 0 ? line + value : line.substring(0, colon + 2) + value);
                }
                default -> {
                    int cut = random.nextInt(line.length() + 1);
                    lines.set(at, line.substring(0, cut) + line.substring(Math.min(line.length(), cut + 1 + random.nextInt(3))));
                }
            }
            if (lines.isEmpty()) {
                lines.add("kind: Experiment");
            }
        }
        return String.join("\n", lines) + "\n";
    }
}
