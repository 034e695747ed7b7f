package dev.andon.cli.gameday;

import dev.andon.cli.ExitCodes;
import dev.andon.cli.UserError;
import dev.andon.cli.fleet.PracticeFleet;
import dev.andon.core.engine.ExperimentRunner;
import dev.andon.core.engine.RunListener;
import dev.andon.core.engine.StopSignal;
import dev.andon.core.gameday.CheckpointAnswers;
import dev.andon.core.gameday.EngineSteps;
import dev.andon.core.gameday.GameDay;
import dev.andon.core.gameday.GameDayJournal;
import dev.andon.core.gameday.GameDayListener;
import dev.andon.core.gameday.GameDayLoader;
import dev.andon.core.gameday.GameDayOptions;
import dev.andon.core.gameday.GameDayResult;
import dev.andon.core.gameday.GameDayRunner;
import dev.andon.core.gameday.OperatorControls;
import dev.andon.core.gameday.ProbeSpecReader;
import dev.andon.core.gameday.QueuedAnswers;
import dev.andon.core.gameday.ScriptedAnswers;
import dev.andon.core.journal.JournalWriter;
import dev.andon.core.load.ExperimentLoader;
import dev.andon.core.load.InvalidFileException;
import dev.andon.core.load.Variables;
import dev.andon.core.spi.PluginRegistry;
import dev.andon.core.store.StoreSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code andon gameday run}: loads the game day (and every experiment it names) before anything starts,
 * optionally starts the practice fleet, then runs the steps with the terminal view and the journal listening
 * and the operator's console reading input on its own thread.
 */
final class GameDaySession {

    /**
     * What the command line asked for.
     *
     * @param answers       a scripted answer file, or empty
     * @param yes           answer every checkpoint yes
     * @param journal       the game-day journal's path, or empty for {@code <journalDir>/gameday-<name>-<stamp>.json}
     * @param withFleet     start a practice fleet of this many replicas for the session (0: none)
     */
    record Request(Path file, Variables variables, boolean yes, Optional<Path> answers, Optional<Path> journal, Path journalDir,
            int withFleet, long seed, boolean dryRun) {
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final PluginRegistry registry;
    private final Clock clock;
    private final InputStream input;
    private final PrintWriter out;
    private final Optional<StoreSession> store;
    private final StopSignal signals;

    /**
     * @param store   where runs are recorded and the shared cord is read ({@code andon halt}); empty for none
     * @param signals SIGINT and SIGTERM, which halt the game day like the cord
     */
    GameDaySession(PluginRegistry registry, Clock clock, InputStream input, PrintWriter out, Optional<StoreSession> store, StopSignal signals) {
        this.registry = registry;
        this.clock = clock;
        this.input = input;
        this.out = out;
        this.store = store;
        this.signals = signals;
    }

    int run(Request request) throws InvalidFileException {
        OperatorControls controls = new OperatorControls(clock);
        GameDayLoader loader = new GameDayLoader(ProbeSpecReader.of(registry));
        GameDay asWritten = loader.load(request.file(), request.variables());
        // Everything that can be wrong with the files is found before a fleet starts or anything runs.
        Optional<ScriptedAnswers> scripted = Optional.empty();
        if (request.answers().isPresent()) {
            scripted = Optional.of(ScriptedAnswers.load(request.answers().get()));
            scripted.get().check(asWritten);
        }
        int replicas = fleetSize(request, asWritten);
        try (Fleet fleet = Fleet.start(replicas, controls, out)) {
            Variables variables = fleet.variables(request.variables());
            GameDay gameDay = replicas > 0 ? loader.load(request.file(), variables) : asWritten;
            ExperimentRunner engine = new ExperimentRunner(registry, clock)
                    .withGuards(store.map(s -> List.of(s.haltGuard())).orElse(List.of()));
            GameDayRunner runner = new GameDayRunner(new EngineSteps(new ExperimentLoader(registry), engine, variables.environment()), registry, clock);
            runner.prepare(gameDay);
            Optional<QueuedAnswers> typed = Optional.empty();
            CheckpointAnswers answers;
            if (scripted.isPresent()) {
                answers = scripted.get();
            } else if (request.yes()) {
                answers = CheckpointAnswers.YES;
            } else {
                QueuedAnswers queued = new QueuedAnswers();
                typed = Optional.of(queued);
                answers = queued;
            }
            Path journalPath = request.journal().orElseGet(() ->
                    request.journalDir().resolve("gameday-" + gameDay.name() + "-" + STAMP.format(clock.instant()) + ".json"));
            Path runJournals = journalPath.toAbsolutePath().getParent();
            GameDayOptions options = new GameDayOptions(request.seed(), request.dryRun(), (runId, experiment) -> {
                Path runJournal = runJournals.resolve(experiment + "-" + runId + ".json");
                JournalWriter journal = new JournalWriter(runJournal);
                return store.map(s -> RunListener.all(List.of(journal, s.recorder(Optional.of(runJournal))))).orElse(journal);
            }, StopSignal.anyOf(List.of(signals, store.map(StoreSession::cord).orElse(StopSignal.NEVER))));
            GameDayListener listener = GameDayListener.all(List.of(new GameDayJournal(journalPath), new GameDayTerminal(out)));
            GameDayResult result;
            try (OperatorConsole console = new OperatorConsole(input, out, controls, typed).start()) {
                result = runner.run(gameDay, options, answers, controls, listener);
            }
            out.println("journal: " + journalPath);
            out.println("report:  andon report " + journalPath + " --output gameday-" + gameDay.name() + ".html");
            out.flush();
            return result.outcome().exitCode();
        }
    }

    /**
     * How many practice replicas to start: {@code --with-fleet N}, else what the file asks for
     * ({@code spec.practiceFleet}) unless {@code --var port=...} names a fleet that already runs.
     */
    static int fleetSize(Request request, GameDay gameDay) {
        if (request.withFleet() > 0) {
            return request.withFleet();
        }
        return request.variables().cli().containsKey("port") ? 0 : gameDay.practiceFleet();
    }

    /** The practice fleet of {@code --with-fleet}: its port, size and id become the variables {@code port}, {@code replicas} and {@code fleet}. */
    private static final class Fleet implements AutoCloseable {
        private final PracticeFleet fleet;

        private Fleet(PracticeFleet fleet) {
            this.fleet = fleet;
        }

        static Fleet start(int replicas, OperatorControls controls, PrintWriter out) {
            if (replicas <= 0) {
                return new Fleet(null);
            }
            try {
                PracticeFleet started = PracticeFleet.start(replicas, 0, PracticeFleet.DEFAULT_RESTART_DELAY, event -> controls.note(event, "fleet"));
                warmUp(started);
                out.println("practice fleet: " + replicas + " replicas behind " + started.frontUrl() + " (stopped when the game day ends)");
                return new Fleet(started);
            } catch (IOException e) {
                throw new UserError(ExitCodes.PLATFORM_ERROR, "cannot start the practice fleet: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UserError(ExitCodes.INTERRUPTED, "interrupted while starting the practice fleet");
            }
        }

        /**
         * A few requests through the front before the first step: freshly started JVMs answer their first
         * requests slowly, and a hypothesis checked before injecting would otherwise fail on a cold fleet.
         */
        private static void warmUp(PracticeFleet fleet) throws IOException, InterruptedException {
            java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(2)).build();
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(fleet.frontUrl()).timeout(java.time.Duration.ofSeconds(5)).GET().build();
            for (int i = 0; i < 10 * fleet.replicaPids().size(); i++) {
                client.send(request, java.net.http.HttpResponse.BodyHandlers.discarding());
            }
        }

        Variables variables(Variables given) {
            if (fleet == null) {
                return given;
            }
            Map<String, String> cli = new HashMap<>(given.cli());
            cli.put("port", Integer.toString(fleet.frontPort()));
            cli.put("replicas", Integer.toString(fleet.replicaPids().size()));
            cli.put("fleet", fleet.id());
            return new Variables(cli, given.files(), given.environment());
        }

        @Override
        public void close() {
            if (fleet != null) {
                fleet.close();
            }
        }
    }
}
