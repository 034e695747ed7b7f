package dev.andon.core.scheduler;

import dev.andon.core.load.InvalidFileException;
import dev.andon.core.load.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code kind: Schedule} files of one directory, reloaded when they change. A file that does not load is
 * reported and left out; the others keep running. Files of other kinds (experiments next to schedules) are
 * ignored. Thread-safe: Quartz threads read while the daemon's watcher reloads.
 */
public final class ScheduleCatalog {

    private static final Pattern SCHEDULE_KIND = Pattern.compile("(?m)^\\s*\"?kind\"?\\s*:\\s*\"?Schedule\"?\\s*,?\\s*$");

    private final Path directory;
    private final ScheduleLoader loader;
    private volatile Snapshot current = new Snapshot(Map.of(), Map.of(), Map.of());
    private boolean scanned;

    /**
     * What the directory held at the last scan.
     *
     * @param schedules by name
     * @param problems  by file, for files that did not load
     * @param stamps    each file's modification time and size, to notice changes
     */
    public record Snapshot(Map<String, Schedule> schedules, Map<Path, List<Problem>> problems, Map<Path, String> stamps) {
        public Snapshot {
            schedules = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(schedules));
            problems = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(problems));
            stamps = Map.copyOf(stamps);
        }
    }

    public ScheduleCatalog(Path directory, ScheduleLoader loader) {
        this.directory = directory;
        this.loader = loader;
    }

    public Path directory() {
        return directory;
    }

    public Snapshot snapshot() {
        return current;
    }

    public Optional<Schedule> find(String name) {
        return Optional.ofNullable(current.schedules().get(name));
    }

    public List<Schedule> schedules() {
        return List.copyOf(current.schedules().values());
    }

    /**
     * Scans the directory; when any schedule file was added, changed or removed since the last scan, loads them
     * all again and returns the new snapshot. Empty when nothing changed.
     */
    public synchronized Optional<Snapshot> reloadIfChanged() {
        Map<Path, String> stamps = stamps();
        if (scanned && stamps.equals(current.stamps())) {
            return Optional.empty();
        }
        Map<String, Schedule> schedules = new LinkedHashMap<>();
        Map<Path, List<Problem>> problems = new LinkedHashMap<>();
        for (Path file : stamps.keySet()) {
            try {
                Schedule schedule = loader.load(file);
                Schedule previous = schedules.putIfAbsent(schedule.name(), schedule);
                if (previous != null) {
                    problems.put(file, List.of(new Problem(file.toString(), 0, 0, "schedule name '" + schedule.name()
                            + "' is already used by " + previous.source(), "give each schedule its own metadata.name")));
                }
            } catch (InvalidFileException e) {
                problems.put(file, e.problems());
            }
        }
        Snapshot next = new Snapshot(schedules, problems, stamps);
        boolean changed = !scanned || !next.schedules().equals(current.schedules()) || !next.problems().equals(current.problems());
        scanned = true;
        current = next;
        return changed ? Optional.of(next) : Optional.empty();
    }

    private Map<Path, String> stamps() {
        Map<Path, String> stamps = new LinkedHashMap<>();
        if (!Files.isDirectory(directory)) {
            return stamps;
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> candidates = new ArrayList<>(files.filter(ScheduleCatalog::looksLikeFile).sorted(Comparator.naturalOrder()).toList());
            for (Path file : candidates) {
                try {
                    String text = Files.readString(file);
                    if (SCHEDULE_KIND.matcher(text).find()) {
                        FileTime modified = Files.getLastModifiedTime(file);
                        stamps.put(file, modified.toMillis() + ":" + text.hashCode());
                    }
                } catch (IOException e) {
                    stamps.put(file, "unreadable:" + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list schedule directory " + directory, e);
        }
        return stamps;
    }

    private static boolean looksLikeFile(Path p) {
        String name = p.getFileName().toString();
        return Files.isRegularFile(p) && !name.startsWith(".")
                && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"));
    }
}
