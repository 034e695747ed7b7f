package dev.andon.cli.report;

import dev.andon.cli.ExitCodes;
import dev.andon.cli.UserError;
import dev.andon.cli.options.StoreOptions;
import dev.andon.cli.options.VerboseOption;
import dev.andon.cli.store.Since;
import dev.andon.core.report.GameDayTrace;
import dev.andon.core.report.HtmlReport;
import dev.andon.core.report.JournalFiles;
import dev.andon.core.report.MarkdownReport;
import dev.andon.core.report.ReportInput;
import dev.andon.core.report.RunTrace;
import dev.andon.core.report.UnreadableJournalException;
import dev.andon.core.store.HistoryQuery;
import dev.andon.core.store.StoreSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Turn run journals and game-day journals into one report: a self-contained HTML page (charts included, no network needed) or Markdown.",
            "Each run: outcome, targets, time to recovery, a chart of its probes with the injection and recovery marked.",
            "Each game day: conclusions, steps, checkpoint answers, notes and the timeline. All runs: trends per experiment.",
            "--since/--experiment add runs recorded in the history store (andon run, schedules, game days).",
            "Exit codes: 0 written, 2 unreadable journal or usage."
        })
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "JOURNAL", description = "Journal files, or folders whose *.json files are journals.")
    List<Path> journals = new ArrayList<>();

    @Option(names = "--since", paramLabel = "WHEN", description = "Also runs from the history store started since: 24h, 7d, 2026-11-26 (UTC) or an instant.")
    String since;

    @Option(names = "--experiment", paramLabel = "NAME", description = "Also runs of this experiment from the history store (with --since: both must match).")
    String experiment;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "200", description = "At most this many runs from the store (default ${DEFAULT-VALUE}).")
    int limit;

    @Mixin
    StoreOptions store;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "html", description = "html (default) or markdown.")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write the report (default: report.html or report.md).")
    Path output;

    @Option(names = "--title", paramLabel = "TEXT", description = "The report's headline (default: the game day's title, or 'Andon report').")
    String title;

    @Mixin
    VerboseOption verbose;

    /** Report formats. */
    public enum Format { html, markdown }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<RunTrace> runs = new ArrayList<>();
        List<GameDayTrace> gameDays = new ArrayList<>();
        Clock clock = Clock.systemUTC();
        if (since != null || experiment != null) {
            HistoryQuery query = HistoryQuery.all().limit(limit);
            if (since != null) {
                query = query.since(Since.parse(since, clock.instant()));
            }
            if (experiment != null) {
                query = query.experiment(experiment);
            }
            try (StoreSession session = store.open(clock, spec.commandLine().getErr())) {
                runs.addAll(HistoryRuns.traces(session.store().runs().query(query)));
            }
        } else if (journals.isEmpty()) {
            throw new UserError(ExitCodes.INVALID_INPUT, "give journal files or folders, or --since/--experiment to read runs from the history store");
        }
        for (Path file : journals.isEmpty() ? List.<Path>of() : files()) {
            try {
                JournalFiles.Content content = JournalFiles.read(file);
                if (content instanceof JournalFiles.Run r) {
                    runs.add(r.trace());
                } else {
                    gameDays.add(((JournalFiles.GameDay) content).trace());
                }
            } catch (UnreadableJournalException e) {
                if (journals.contains(file)) {
                    throw new UserError(ExitCodes.INVALID_INPUT, e.getMessage() + " (give run journals or game-day journals)");
                }
                // A folder may hold other JSON files; only a file named on the command line must be a journal.
                spec.commandLine().getErr().println("skipped " + e.getMessage());
            }
        }
        String headline = title != null ? title : gameDays.size() == 1 ? gameDays.get(0).title() : "Andon report";
        ReportInput input = new ReportInput(headline, clock.instant(), runs, gameDays);
        String text = format == Format.html ? HtmlReport.render(input) : MarkdownReport.render(input);
        Path target = output != null ? output : Path.of(format == Format.html ? "report.html" : "report.md");
        if (target.toAbsolutePath().getParent() != null) {
            Files.createDirectories(target.toAbsolutePath().getParent());
        }
        Files.writeString(target, text);
        out.println("report: " + target + " (" + gameDays.size() + " game day(s), " + input.allRuns().size() + " run(s))");
        out.flush();
        return 0;
    }

    private List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : journals) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> in = Files.list(p)) {
                    in.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new UserError(ExitCodes.INVALID_INPUT, p + ": no such journal file or folder");
            }
        }
        if (files.isEmpty()) {
            throw new UserError(ExitCodes.INVALID_INPUT, "no journals found in " + journals + " (journals are the *.json files andon run and andon gameday run write)");
        }
        return files;
    }
}
