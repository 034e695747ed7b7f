package dev.andon.cli.gameday;

import dev.andon.cli.ExitCodes;
import dev.andon.cli.UserError;
import dev.andon.cli.options.StoreOptions;
import dev.andon.cli.options.VariableOptions;
import dev.andon.cli.options.VerboseOption;
import dev.andon.cli.run.SignalStop;
import dev.andon.core.spi.PluginRegistry;
import dev.andon.core.store.StoreSession;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
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
            "Run a game day in this terminal: each step in turn, a countdown for waits, live probes during experiments, prompts at checkpoints.",
            "While it runs, type: n <text> to add a note, s to skip the step, h to pull the cord; at a checkpoint: yes|no [note].",
            "'andon halt' from another terminal (same store) halts it too; its runs are recorded in the store's history.",
            "Exit codes: 0 completed, 1 completed with findings, 2 invalid file or usage, 3 halted, 4 failed, 130 interrupted (Ctrl-C: the running experiment rolled back)."
        })
public final class GameDayRunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The game-day file (YAML or JSON).")
    Path file;

    @Option(names = "--yes", description = "Answer every checkpoint yes (rehearsals, CI).")
    boolean yes;

    @Option(names = "--answers", paramLabel = "FILE", description = "Answer checkpoints from this file, in order (see docs/gamedays.md).")
    Path answers;

    @Option(names = "--journal", paramLabel = "PATH", description = "Where to write the game-day journal (default: journals/gameday-<name>-<time>.json).")
    Path journal;

    @Option(names = "--journal-dir", paramLabel = "DIR", defaultValue = "journals", description = "Folder for journals (default: ${DEFAULT-VALUE}); run journals go next to the game-day journal.")
    Path journalDir;

    @Option(names = "--with-fleet", paramLabel = "N", arity = "0..1", fallbackValue = "3", defaultValue = "0",
            description = "Start a practice fleet of N replicas (default 3) for the session; its port, size and id are the variables port, replicas and fleet. "
                    + "Files with spec.practiceFleet get one without this flag, unless --var port=... names a running fleet.")
    int withFleet;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the first experiment's target pick (step n uses N + n - 1).")
    Long seed;

    @Option(names = "--dry-run", description = "Every experiment selects and reports but injects nothing.")
    boolean dryRun;

    @Mixin
    VariableOptions variables;

    @Mixin
    StoreOptions store;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        if (yes && answers != null) {
            throw new UserError(ExitCodes.INVALID_INPUT, "--yes and --answers both answer the checkpoints; give one of them");
        }
        if (withFleet < 0 || withFleet > 20) {
            throw new UserError(ExitCodes.INVALID_INPUT, "--with-fleet must be between 1 and 20 replicas, but was " + withFleet);
        }
        long pickSeed = seed != null ? seed : new SecureRandom().nextInt(1_000_000_000);
        GameDaySession.Request request = new GameDaySession.Request(file, variables.variables(), yes, Optional.ofNullable(answers),
                Optional.ofNullable(journal), journalDir, withFleet, pickSeed, dryRun);
        Clock clock = Clock.systemUTC();
        // Ctrl-C halts like the cord, so the running experiment rolls back instead of leaving its fault in place.
        try (StoreSession session = store.open(clock, spec.commandLine().getErr()); SignalStop signals = SignalStop.install()) {
            return new GameDaySession(PluginRegistry.load(), clock, System.in, spec.commandLine().getOut(), Optional.of(session), signals).run(request);
        }
    }
}
