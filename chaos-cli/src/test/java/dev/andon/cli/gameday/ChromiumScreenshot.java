package dev.andon.cli.gameday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Opens a report in a real headless Chromium, as a reader would, and checks that it rendered: a screenshot
 * of real size and no console error. Skipped, saying why, only when no Chromium is installed.
 */
final class ChromiumScreenshot {

    private static final List<String> BINARIES = List.of("chromium", "chromium-browser", "google-chrome");

    private ChromiumScreenshot() {
    }

    static Optional<Path> binary() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Stream.of(path.split(":"))
                .flatMap(dir -> BINARIES.stream().map(b -> Path.of(dir, b)))
                .filter(Files::isExecutable)
                .findFirst();
    }

    static void assertRendersCleanly(Path html, Path workDir) throws IOException, InterruptedException {
        Optional<Path> chromium = binary();
        assumeTrue(chromium.isPresent(), "no chromium binary on the PATH (" + BINARIES + "): install Debian's chromium to run the browser check");
        Files.createDirectories(workDir);
        Path profile = Files.createTempDirectory(workDir, "profile");
        Path png = workDir.resolve("report.png");
        Path stderr = workDir.resolve("chromium.log");
        Process p = new ProcessBuilder(chromium.get().toString(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1200,2000", "--screenshot=" + png, "--enable-logging=stderr", "--v=0",
                html.toAbsolutePath().toUri().toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile())
                .start();
        boolean done = p.waitFor(90, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        assertThat(done).as("chromium finished within 90s").isTrue();
        String log = Files.readString(stderr);
        assertThat(png).as(log).exists();
        // A blank 1200x2000 page compresses to a few kilobytes; charts, tables and text make it far larger.
        assertThat(Files.size(png)).as("screenshot size").isGreaterThan(50_000);
        assertThat(Files.readAllBytes(png)).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThat(log.lines().filter(l -> l.contains("CONSOLE") || l.contains("Uncaught") || l.contains("Refused to")
                || l.contains("net::ERR_")).toList()).as("console errors in " + stderr).isEmpty();
    }
}
