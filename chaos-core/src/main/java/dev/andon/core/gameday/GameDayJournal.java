package dev.andon.core.gameday;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.andon.core.report.RunTraceJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The game day's timeline as one JSON file, rewritten at every event through a temporary file and an atomic
 * rename: a crash at any moment leaves the last complete version, never half a file. The format is described
 * in docs/gamedays.md ("The game-day journal").
 */
public final class GameDayJournal implements GameDayListener {

    public static final String KIND = "GameDayJournal";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Map<String, Object> document = new LinkedHashMap<>();
    private final List<Map<String, Object>> events = new ArrayList<>();
    private final List<Map<String, Object>> runs = new ArrayList<>();

    public GameDayJournal(Path file) {
        this.file = file.toAbsolutePath();
    }

    public Path file() {
        return file;
    }

    @Override
    public void on(GameDayEvent event) {
        if (!event.journaled()) {
            return;
        }
        if (event instanceof GameDayEvent.Started s) {
            document.put("apiVersion", GameDayLoader.API_VERSION);
            document.put("kind", KIND);
            document.put("gameDay", describe(s.gameDay()));
            document.put("started", s.at().toString());
            document.put("ended", null);
            document.put("outcome", GameDayOutcome.RUNNING.spelling());
            document.put("reason", "");
            document.put("events", events);
            document.put("runs", runs);
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("at", event.at().toString());
        entry.put("type", event.type());
        entry.put("step", event.step());
        entry.putAll(event.fields());
        events.add(entry);
        if (event instanceof GameDayEvent.StepEnded e) {
            e.run().ifPresent(r -> {
                Map<String, Object> run = new LinkedHashMap<>();
                run.put("step", e.step());
                run.putAll(RunTraceJson.toMap(r));
                runs.add(run);
            });
        }
        if (event instanceof GameDayEvent.Ended e) {
            document.put("ended", e.at().toString());
            document.put("outcome", e.outcome().spelling());
            document.put("reason", e.reason());
        }
        write();
    }

    private static Map<String, Object> describe(GameDay g) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", g.name());
        d.put("title", g.title());
        d.put("description", g.metadata().description());
        d.put("source", g.source());
        d.put("objectives", g.objectives());
        d.put("hypotheses", g.hypotheses());
        Map<String, Object> roles = new LinkedHashMap<>();
        roles.put("owner", g.roles().owner());
        roles.put("coordinator", g.roles().coordinator());
        roles.put("reporter", g.roles().reporter());
        roles.put("observers", g.roles().observers());
        d.put("roles", roles);
        List<Map<String, Object>> steps = new ArrayList<>();
        for (int i = 0; i < g.steps().size(); i++) {
            GameDayStep s = g.steps().get(i);
            steps.add(Map.of("step", i + 1, "name", s.name(), "kind", s.kind(), "description", s.describe()));
        }
        d.put("steps", steps);
        d.put("abortCriteria", g.abort().probes().stream().map(p -> p.name()).toList());
        return d;
    }

    private void write() {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(temp.toFile(), document);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the game-day journal " + file + ": " + e.getMessage(), e);
        }
    }
}
