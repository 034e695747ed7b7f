package dev.andon.cli.run;

import dev.andon.cli.ExitCodes;
import dev.andon.cli.options.VerboseOption;
import dev.andon.core.engine.ExperimentRunner;
import dev.andon.core.journal.JournalRecovery;
import dev.andon.core.spi.PluginRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "recover",
        mixinStandardHelpOptions = true,
        description = {
            "Finish runs whose process died: journals still 'running' whose process is gone are marked interrupted,",
            "and the undos they left pending (CONT a stopped process, uncordon a node, start an instance) are run.",
            "'andon run' does this for its journal folder before every run."
        })
public final class RecoverCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--journal-dir", paramLabel = "DIR", defaultValue = "journals", description = "Folder of journals (default: ${DEFAULT-VALUE}).")
    Path journalDir;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<JournalRecovery.Recovered> recovered = recover(journalDir, PluginRegistry.load(), out);
        if (recovered.isEmpty()) {
            out.println("nothing to recover in " + journalDir);
        }
        out.flush();
        return recovered.stream().allMatch(JournalRecovery.Recovered::allUndone) ? ExitCodes.HELD : ExitCodes.FAILED;
    }

    /** Recovers the folder and prints one line per recovered run and per undo. */
    static List<JournalRecovery.Recovered> recover(Path dir, PluginRegistry registry, PrintWriter out) throws java.io.IOException {
        List<JournalRecovery.Recovered> recovered = new JournalRecovery(new ExperimentRunner(registry, Clock.systemUTC()), Clock.systemUTC())
                .recoverAll(dir);
        for (JournalRecovery.Recovered r : recovered) {
            out.println("recovered run " + r.runId() + " of '" + r.experiment() + "' (process " + r.deadPid() + " died): marked interrupted, "
                    + r.undos().size() + " pending undo(s) run — " + r.journal());
            r.undos().forEach(u -> out.println("  " + u.status().spelling() + ": " + u.summary() + u.error().map(e -> " — " + e).orElse("")));
        }
        out.flush();
        return recovered;
    }
}
