package dev.andon.cli.demo;

import dev.andon.cli.AndonCli;
import dev.andon.cli.fleet.PracticeFleet;
import dev.andon.cli.options.VerboseOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Start a practice fleet, run the quickstart experiment against it (kill one random replica with SIGKILL),",
            "print the verdict and the time to recovery, and stop the fleet, leaving no process behind."
        })
public final class DemoCommand implements Callable<Integer> {

    static final String QUICKSTART = "experiments/local/quickstart.yaml";

    @Spec
    CommandSpec spec;

    @Option(names = "--replicas", defaultValue = "3", description = "Replicas in the practice fleet (default: ${DEFAULT-VALUE}).")
    int replicas;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the pick, to replay a demo.")
    Long seed;

    @Option(names = "--journal-dir", paramLabel = "DIR", defaultValue = "journals", description = "Folder for the journal (default: ${DEFAULT-VALUE}).")
    Path journalDir;

    @Option(names = "--experiment", paramLabel = "FILE", description = "Another experiment to run against the fleet (default: the quickstart).")
    Path experiment;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Folder of the embedded store the run is recorded in (default: $ANDON_DATA_DIR, else ~/.andon).")
    Path dataDir;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path file = experiment != null ? experiment : quickstart();
        out.println("starting a practice fleet of " + replicas + " replicas...");
        out.flush();
        try (PracticeFleet fleet = PracticeFleet.start(replicas, 0, PracticeFleet.DEFAULT_RESTART_DELAY)) {
            out.println("fleet front: http://127.0.0.1:" + fleet.frontPort() + "/  replicas: " + fleet.replicaPids());
            out.flush();
            List<String> args = new ArrayList<>(List.of("run", file.toString(), "--var", "port=" + fleet.frontPort(),
                    "--var", "replicas=" + replicas, "--var", "fleet=" + fleet.id(), "--journal-dir", journalDir.toString()));
            if (dataDir != null) {
                args.add("--data-dir");
                args.add(dataDir.toString());
            }
            if (seed != null) {
                args.add("--seed");
                args.add(seed.toString());
            }
            return AndonCli.run(out, spec.commandLine().getErr(), args.toArray(String[]::new));
        } finally {
            out.println("practice fleet stopped");
            out.flush();
        }
    }

    /** The quickstart from the checkout ($ANDON_HOME or the current folder), or the copy inside the jar. */
    private static Path quickstart() throws IOException {
        for (String home : new String[] {System.getenv("ANDON_HOME"), "."}) {
            if (home != null) {
                Path p = Path.of(home).resolve(QUICKSTART);
                if (Files.isRegularFile(p)) {
                    return p;
                }
            }
        }
        try (InputStream in = DemoCommand.class.getResourceAsStream("/" + QUICKSTART)) {
            if (in == null) {
                throw new IOException(QUICKSTART + " not found: run from the Andon checkout or set ANDON_HOME");
            }
            Path tmp = Files.createTempFile("andon-quickstart", ".yaml");
            tmp.toFile().deleteOnExit();
            Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return tmp;
        }
    }
}
