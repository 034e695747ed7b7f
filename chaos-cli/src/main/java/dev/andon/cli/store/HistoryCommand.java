package dev.andon.cli.store;

import dev.andon.cli.ExitCodes;
import dev.andon.cli.UserError;
import dev.andon.cli.options.StoreOptions;
import dev.andon.cli.options.VerboseOption;
import dev.andon.core.store.CordEvent;
import dev.andon.core.store.HistoryQuery;
import dev.andon.core.store.RunRecord;
import dev.andon.core.store.RunStatus;
import dev.andon.core.store.StoreSession;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        description = {
            "Runs and skips, newest first, with outcome, time to recovery, targets and the reason.",
            "'andon history --since 24h --outcome skipped' answers \"why was nothing killed today?\"."
        })
public final class HistoryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--experiment", paramLabel = "NAME", description = "Only this experiment.")
    String experiment;

    @Option(names = "--outcome", paramLabel = "OUTCOME",
            description = "Only runs that ended so: running, held, deviated, aborted, failed, interrupted, skipped.")
    String outcome;

    @Option(names = "--since", paramLabel = "WHEN", description = "Only runs started since: 24h, 7d, 2026-11-26 (UTC) or 2026-11-26T09:00:00Z.")
    String since;

    @Option(names = "--node", paramLabel = "NAME", description = "Only runs of this node.")
    String node;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N runs (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--cord", description = "List halts and resumes instead of runs.")
    boolean cord;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table", description = "table or json.")
    Format output;

    @Mixin
    StoreOptions store;

    @Mixin
    VerboseOption verbose;

    /** Output formats of history. */
    public enum Format { table, json }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Clock clock = Clock.systemUTC();
        if (limit < 1) {
            throw new UserError(ExitCodes.INVALID_INPUT, "--limit must be at least 1, but was " + limit);
        }
        HistoryQuery query = query(clock);
        try (StoreSession session = store.open(clock, spec.commandLine().getErr())) {
            if (cord) {
                printCord(session.store().halts().history(limit), out);
            } else {
                Optional<CordEvent> halt = session.store().halts().currentHalt();
                List<RunRecord> runs = session.store().runs().query(query);
                if (output == Format.json) {
                    out.println(HistoryJson.render(halt, runs));
                } else {
                    halt.ifPresent(h -> out.println("HALTED: " + h.sentence()));
                    if (runs.isEmpty()) {
                        out.println("no runs recorded" + (query.equals(HistoryQuery.all().limit(limit)) ? "" : " that match"));
                    } else {
                        HistoryTable.print(runs, out);
                    }
                }
            }
        }
        out.flush();
        return 0;
    }

    private HistoryQuery query(Clock clock) {
        HistoryQuery q = HistoryQuery.all().limit(limit);
        if (experiment != null) {
            q = q.experiment(experiment);
        }
        if (outcome != null) {
            try {
                q = q.status(RunStatus.fromSpelling(outcome.strip()));
            } catch (IllegalArgumentException e) {
                throw new UserError(ExitCodes.INVALID_INPUT, "--outcome " + outcome + ": expected one of " + RunStatus.spellings());
            }
        }
        if (since != null) {
            q = q.since(Since.parse(since, clock.instant()));
        }
        if (node != null) {
            q = q.node(node);
        }
        return q;
    }

    private void printCord(List<CordEvent> events, PrintWriter out) throws Exception {
        if (output == Format.json) {
            out.println(HistoryJson.renderCord(events));
        } else if (events.isEmpty()) {
            out.println("the cord was never pulled");
        } else {
            events.forEach(e -> out.println(e.sentence()));
        }
    }
}
