package dev.andon.core.gameday;

import dev.andon.core.load.InvalidFileException;
import dev.andon.core.load.Node;
import dev.andon.core.load.Problem;
import dev.andon.core.load.SourceParser;
import dev.andon.core.load.Variables;
import dev.andon.core.model.Durations;
import dev.andon.core.model.Metadata;
import dev.andon.core.model.ProbeSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads {@code kind: GameDay} files: parse, substitute variables, validate strictly. Every problem of the file
 * is reported at once with its line and column; experiment steps must name files that exist.
 */
public final class GameDayLoader {

    public static final String API_VERSION = "andon.dev/v1";
    public static final String KIND = "GameDay";

    private static final Set<String> TOP = FileReader.keys("apiVersion", "kind", "metadata", "spec");
    private static final Set<String> METADATA = FileReader.keys("name", "description", "labels");
    private static final Set<String> SPEC = FileReader.keys("title", "objectives", "roles", "hypotheses", "variables", "steps", "abort");
    private static final Set<String> ROLES = FileReader.keys("owner", "coordinator", "reporter", "observers");
    private static final Set<String> ABORT = FileReader.keys("interval", "consecutiveFailures", "probes");
    private static final Set<String> STEP_KINDS = FileReader.keys("experiment", "checkpoint", "wait", "note");
    private static final Set<String> STEP = FileReader.keys("experiment", "checkpoint", "wait", "note", "name", "variables");

    private final ProbeSpecReader probes;

    /** @param probes reads abort-criteria probes the way the experiment loader reads hypothesis probes */
    public GameDayLoader(ProbeSpecReader probes) {
        this.probes = probes;
    }

    public GameDay load(Path file, Variables variables) throws InvalidFileException {
        Node root = SourceParser.parse(file);
        Path folder = file.toAbsolutePath().getParent();
        return read(file.toString(), folder, root, variables);
    }

    public GameDay load(String fileName, Path folder, String text, Variables variables) throws InvalidFileException {
        return read(fileName, folder, SourceParser.parse(fileName, text), variables);
    }

    private GameDay read(String file, Path folder, Node root, Variables variables) throws InvalidFileException {
        FileReader r = new FileReader(file);
        Node.MapNode top = r.map(root, "the file").orElseThrow(() -> new InvalidFileException(r.problems()));
        r.onlyKeys(top, "the file", TOP);
        String apiVersion = r.string(top, "apiVersion", true, top, "the file").orElse(API_VERSION);
        if (!API_VERSION.equals(apiVersion)) {
            r.problem(top.get("apiVersion"), "apiVersion must be " + API_VERSION + ", but is " + apiVersion, "");
        }
        r.string(top, "kind", true, top, "the file").filter(k -> !KIND.equals(k)).ifPresent(k -> r.problem(top.get("kind"),
                "kind must be " + KIND + " here, but is " + k, "run experiments with 'andon run', game days with 'andon gameday run'"));
        Metadata metadata = metadata(r, top);
        Node.MapNode spec = r.map(top.get("spec"), "spec").orElse(null);
        if (spec == null) {
            if (top.get("spec") == null) {
                r.problem(top, "missing 'spec'", "add 'spec:' with at least 'steps:'");
            }
            throw new InvalidFileException(r.problems());
        }
        r.onlyKeys(spec, "spec", SPEC);
        Map<String, String> fileVariables = r.stringMap(spec.get("variables"), "spec.variables");
        Map<String, String> environment = new HashMap<>(variables.environment());
        Substitution substitution = new Substitution(name -> Optional.ofNullable(variables.cli().get(name))
                .or(() -> Optional.ofNullable(variables.files().get(name)))
                .or(() -> Optional.ofNullable(fileVariables.get(name)))
                .or(() -> Optional.ofNullable(environment.get(name))), r);
        Map<String, Node.Entry> substituted = new LinkedHashMap<>();
        spec.entries().forEach((k, e) -> substituted.put(k, k.equals("variables") ? e
                : new Node.Entry(k, e.line(), e.column(), substitution.apply(e.value()))));
        spec = new Node.MapNode(substituted, spec.line(), spec.column());

        String title = r.string(spec, "title", false, spec, "spec").orElse(metadata.name());
        List<String> objectives = r.texts(spec.get("objectives"), "spec.objectives");
        List<String> hypotheses = r.texts(spec.get("hypotheses"), "spec.hypotheses");
        Roles roles = roles(r, spec.get("roles"));
        List<GameDayStep> steps = steps(r, folder, spec);
        AbortCriteria abort = abort(r, spec.get("abort"));
        Map<String, String> effective = new LinkedHashMap<>(fileVariables);
        effective.putAll(variables.files());
        effective.putAll(variables.cli());
        if (!r.problems().isEmpty()) {
            throw new InvalidFileException(r.problems());
        }
        return new GameDay(file, metadata, title, objectives, roles, hypotheses, effective, steps, abort);
    }

    private static Metadata metadata(FileReader r, Node.MapNode top) {
        Node.MapNode m = r.map(top.get("metadata"), "metadata").orElse(null);
        if (m == null) {
            if (top.get("metadata") == null) {
                r.problem(top, "missing 'metadata'", "add 'metadata: { name: my-game-day }'");
            }
            return new Metadata("unnamed", "", Map.of());
        }
        r.onlyKeys(m, "metadata", METADATA);
        String name = r.string(m, "name", true, m, "metadata").orElse("unnamed");
        if (!name.matches("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")) {
            r.problem(m.get("name"), "metadata.name '" + name + "' must be lower-case letters, digits and '-', at most 63, starting and ending with a letter or digit", "e.g. storefront-q3");
        }
        String description = r.string(m, "description", false, m, "metadata").orElse("");
        return new Metadata(name, description, r.stringMap(m.get("labels"), "metadata.labels"));
    }

    private static Roles roles(FileReader r, Node node) {
        return r.map(node, "spec.roles").map(m -> {
            r.onlyKeys(m, "spec.roles", ROLES);
            return new Roles(
                    r.string(m, "owner", false, m, "spec.roles").orElse(""),
                    r.string(m, "coordinator", false, m, "spec.roles").orElse(""),
                    r.string(m, "reporter", false, m, "spec.roles").orElse(""),
                    r.texts(m.get("observers"), "spec.roles.observers"));
        }).orElse(Roles.NONE);
    }

    private static List<GameDayStep> steps(FileReader r, Path folder, Node.MapNode spec) {
        Node node = spec.get("steps");
        if (node == null) {
            r.problem(spec, "missing 'steps' in spec", "add at least one step: experiment, checkpoint, wait or note");
            return List.of();
        }
        if (!(node instanceof Node.ListNode list) || list.items().isEmpty()) {
            r.problem(node, "spec.steps must be a non-empty list", "each entry is one of: experiment, checkpoint, wait, note");
            return List.of();
        }
        List<GameDayStep> steps = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < list.items().size(); i++) {
            Node item = list.items().get(i);
            String where = "step " + (i + 1);
            Node.MapNode m = r.map(item, where).orElse(null);
            if (m == null) {
                continue;
            }
            r.onlyKeys(m, where, STEP);
            List<String> kinds = m.entries().keySet().stream().filter(STEP_KINDS::contains).toList();
            if (kinds.size() != 1) {
                r.problem(m, where + (kinds.isEmpty() ? " says nothing to do" : " has several kinds: " + kinds),
                        "write exactly one of: experiment, checkpoint, wait, note");
                continue;
            }
            String kind = kinds.get(0);
            Node value = m.get(kind);
            Optional<String> text = r.text(value, where + "." + kind);
            if (text.isEmpty()) {
                continue;
            }
            if (m.get("variables") != null && !kind.equals("experiment")) {
                r.problem(m.get("variables"), "only experiment steps take variables", "move them to the experiment step");
            }
            Optional<String> written = r.string(m, "name", false, m, where);
            String name = written.orElseGet(() -> defaultName(kind, text.get(), steps.size() + 1));
            if (!names.add(name)) {
                r.problem(m.get("name") != null ? m.get("name") : m, "two steps are named '" + name + "'",
                        "give each step its own 'name:' so the timeline and answer files can refer to it");
            }
            GameDayStep step = switch (kind) {
                case "experiment" -> experiment(r, folder, name, text.get(), value, m);
                case "checkpoint" -> new GameDayStep.Checkpoint(name, text.get());
                case "wait" -> Durations.parse(text.get()).<GameDayStep>map(d -> new GameDayStep.Wait(name, d)).orElseGet(() -> {
                    r.problem(value, "wait '" + text.get() + "' is not a duration", "write e.g. 30s, 2m, 1m30s");
                    return null;
                });
                default -> new GameDayStep.Note(name, text.get());
            };
            if (step != null) {
                steps.add(step);
            }
        }
        return steps;
    }

    private static GameDayStep experiment(FileReader r, Path folder, String name, String written, Node value, Node.MapNode m) {
        Path file = folder.resolve(written).normalize();
        if (!Files.isRegularFile(file)) {
            r.problem(value, "experiment file " + written + " not found (looked at " + file + ")",
                    "paths are relative to the game-day file's folder");
        }
        return new GameDayStep.ExperimentStep(name, file, written, r.stringMap(m.get("variables"), name + ".variables"));
    }

    private static String defaultName(String kind, String text, int number) {
        if (kind.equals("experiment")) {
            String file = Path.of(text).getFileName().toString();
            int dot = file.lastIndexOf('.');
            return dot > 0 ? file.substring(0, dot) : file;
        }
        return kind + "-" + number;
    }

    private AbortCriteria abort(FileReader r, Node node) {
        Node.MapNode m = r.map(node, "spec.abort").orElse(null);
        if (m == null) {
            return AbortCriteria.NONE;
        }
        r.onlyKeys(m, "spec.abort", ABORT);
        Duration interval = r.string(m, "interval", false, m, "spec.abort").map(t -> Durations.parse(t).filter(d -> !d.isZero()).orElseGet(() -> {
            r.problem(m.get("interval"), "spec.abort.interval '" + t + "' is not a positive duration", "write e.g. 1s or 500ms");
            return AbortCriteria.DEFAULT_INTERVAL;
        })).orElse(AbortCriteria.DEFAULT_INTERVAL);
        int failures = 1;
        Node f = m.get("consecutiveFailures");
        if (f != null) {
            if (f instanceof Node.Scalar s && s.value() instanceof Long l && l >= 1 && l <= 1000) {
                failures = l.intValue();
            } else {
                r.problem(f, "spec.abort.consecutiveFailures must be a whole number from 1 to 1000", "e.g. 2");
            }
        }
        List<ProbeSpec> specs = new ArrayList<>();
        Node p = m.get("probes");
        if (!(p instanceof Node.ListNode list) || list.items().isEmpty()) {
            r.problem(p == null ? m : p, "spec.abort.probes must be a non-empty list", "write probes like an experiment's hypothesis probes");
        } else {
            for (Node item : list.items()) {
                List<Problem> found = new ArrayList<>();
                probes.read(r.file(), item, found).ifPresent(specs::add);
                r.problems().addAll(found);
            }
        }
        return new AbortCriteria(interval, failures, specs);
    }
}
