package dev.andon.cli.schedule;

import dev.andon.cli.ExitCodes;
import dev.andon.cli.UserError;
import dev.andon.core.load.Problem;
import dev.andon.core.load.ProbeReading;
import dev.andon.core.scheduler.ScheduleCatalog;
import dev.andon.core.scheduler.ScheduleLoader;
import dev.andon.core.spi.PluginRegistry;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Loads the schedule files of a directory for the {@code schedule} commands, reporting invalid ones on stderr. */
final class ScheduleFiles {

    private ScheduleFiles() {
    }

    /** The directory's schedules; invalid files are printed as {@code error: file:line:col: ...} lines. */
    static ScheduleCatalog.Snapshot load(Path directory, PrintWriter err) {
        if (!Files.isDirectory(directory)) {
            throw new UserError(ExitCodes.INVALID_INPUT, directory + ": no such directory (give the folder of your Schedule files)");
        }
        PluginRegistry registry = PluginRegistry.load();
        ScheduleCatalog catalog = new ScheduleCatalog(directory, new ScheduleLoader((n, what, problems) -> ProbeReading.read(registry, n, what, problems)));
        catalog.reloadIfChanged();
        ScheduleCatalog.Snapshot snapshot = catalog.snapshot();
        for (Map.Entry<Path, List<Problem>> bad : snapshot.problems().entrySet()) {
            bad.getValue().forEach(p -> err.println("error: " + p.format()));
        }
        err.flush();
        return snapshot;
    }
}
