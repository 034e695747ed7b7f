package dev.andon.cli.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.andon.cli.options.PlatformOptions;
import dev.andon.cli.options.StoreOptions;
import dev.andon.cli.options.VariableOptions;
import dev.andon.cli.options.VerboseOption;
import dev.andon.core.engine.ExperimentRunner;
import dev.andon.core.engine.RunIds;
import dev.andon.core.engine.RunListener;
import dev.andon.core.engine.RunOptions;
import dev.andon.core.engine.RunResult;
import dev.andon.core.engine.StopSignal;
import dev.andon.core.engine.StopSignal;
import dev.andon.core.journal.JournalWriter;
import dev.andon.core.model.Experiment;
import dev.andon.core.store.StoreSession;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Run an experiment: check the hypothesis, pick targets, inject, measure recovery, roll back, keep a journal.",
            "Exit codes: 0 held, 1 deviated, 2 invalid file or usage, 3 aborted, 4 failed, 5 platform error, 130 interrupted."
        })
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The experiment file (YAML or JSON).")
    Path file;

    @Option(names = "--dry-run", description = "Select and report targets, prove permissions where the platform can; inject nothing.")
    boolean dryRun;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the target pick; the same seed over the same candidates picks the same targets.")
    Long seed;

    @Option(names = "--journal", paramLabel = "PATH", description = "Where to write the journal (default: journals/<experiment>-<run id>.json).")
    Path journal;

    @Option(names = "--journal-dir", paramLabel = "DIR", defaultValue = "journals", description = "Folder for journals when --journal is not given (default: ${DEFAULT-VALUE}).")
    Path journalDir;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text", description = "text (progress and a verdict line) or json (the result only).")
    OutputFormat output;

    @Mixin
    VariableOptions variables;

    @Mixin
    PlatformOptions platform;

    @Mixin
    StoreOptions store;

    @Option(names = "--no-store", description = "Do not record this run in the store (history, the cord): only the journal. "
            + "A run without the store cannot be halted with 'andon halt'.")
    boolean noStore;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ExperimentFiles files = ExperimentFiles.withInstalledPlugins();
        Experiment experiment = files.load(file, variables);
        var overrides = SettingOverrides.check(files.registry(), platform.overrides());
        long pickSeed = seed != null ? seed : Seeds.fresh();
        String runId = RunIds.next();
        Path journalPath = journal != null ? journal : journalDir.resolve(experiment.name() + "-" + runId + ".json");
        // A run that died here before leaves faults in place: undo them before adding new ones.
        RecoverCommand.recover(journalPath.toAbsolutePath().getParent(), files.registry(), out);

        List<RunListener> listeners = new ArrayList<>();
        listeners.add(new JournalWriter(journalPath));
        if (output == OutputFormat.text) {
            listeners.add(new TerminalReporter(out));
        }
        RunResult result;
        Clock clock = Clock.systemUTC();
        try (StoreSession session = noStore ? null : store.open(clock, spec.commandLine().getErr());
                SignalStop signals = SignalStop.install()) {
            List<StopSignal> stops = new ArrayList<>(List.of(signals));
            ExperimentRunner runner = new ExperimentRunner(files.registry(), clock);
            if (session != null) {
                // Recorded in history, stopped by 'andon halt' from any terminal or node, refused while halted.
                listeners.add(session.recorder(Optional.of(journalPath)));
                stops.add(session.cord());
                runner = runner.withGuards(List.of(session.haltGuard()));
            }
            RunOptions options = new RunOptions(runId, pickSeed, dryRun, overrides, StopSignal.anyOf(stops), "cli");
            result = runner.run(experiment, options, RunListener.all(listeners));
        }
        if (output == OutputFormat.json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(RunResultJson.of(result, journalPath)));
        } else {
            out.println("journal: " + journalPath);
        }
        out.flush();
        return result.outcome().exitCode();
    }

    /** Output formats of commands that print results. */
    public enum OutputFormat { text, json }
}
