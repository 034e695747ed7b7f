package dev.andon.core.gameday;

import dev.andon.core.load.FieldTypes;
import dev.andon.core.load.FileHeader;
import dev.andon.core.load.InvalidFileException;
import dev.andon.core.load.MapReader;
import dev.andon.core.load.MetadataReader;
import dev.andon.core.load.Node;
import dev.andon.core.load.Problem;
import dev.andon.core.load.Problems;
import dev.andon.core.load.SourceParser;
import dev.andon.core.load.VariableDeclaration;
import dev.andon.core.load.VariableDeclarationReader;
import dev.andon.core.load.VariableSubstitution;
import dev.andon.core.load.Variables;
import dev.andon.core.model.Metadata;
import dev.andon.core.model.ProbeSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads {@code kind: GameDay} files with the experiment loader's own readers (header, metadata, variables,
 * strict maps), so both kinds report problems the same way: all at once, each with its line and column.
 * Experiment steps must name files that exist; their content is checked by {@link GameDayRunner#prepare}.
 */
public final class GameDayLoader {

    public static final String API_VERSION = FileHeader.API_VERSION;
    public static final String KIND = "GameDay";

    private static final List<String> STEP_KINDS = List.of("experiment", "checkpoint", "wait", "note");

    private final ProbeSpecReader probes;

    /** @param probes reads abort-criteria probes the way the experiment loader reads hypothesis probes */
    public GameDayLoader(ProbeSpecReader probes) {
        this.probes = probes;
    }

    public GameDay load(Path file, Variables variables) throws InvalidFileException {
        Node root = SourceParser.parse(file);
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InvalidFileException(List.of(new Problem(file.toString(), 0, 0, "cannot read: " + e.getMessage(), "")));
        }
        return read(file.toString(), file.toAbsolutePath().getParent(), root, text, variables);
    }

    /** @param folder where relative experiment paths start */
    public GameDay load(String fileName, Path folder, String text, Variables variables) throws InvalidFileException {
        return read(fileName, folder, SourceParser.parse(fileName, text), text, variables);
    }

    private GameDay read(String file, Path folder, Node parsed, String text, Variables variables) throws InvalidFileException {
        Problems problems = new Problems(file);
        MapReader raw = MapReader.of(parsed, "the file", problems).orElseThrow(() -> new InvalidFileException(problems.list()));
        if (!FileHeader.check(raw, KIND)) {
            problems.throwIfAny();
        }
        Map<String, VariableDeclaration> declared = raw.node().get("spec") instanceof Node.MapNode s && s.get("variables") != null
                ? VariableDeclarationReader.read(s.get("variables"), problems) : Map.of();
        VariableSubstitution substitution = new VariableSubstitution(variables, declared, problems, text);
        Node.MapNode root = (Node.MapNode) substitution.substitute(withoutVariables(raw.node()));

        MapReader top = new MapReader(root, "the file", problems).allow(FileHeader.TOP_LEVEL_KEYS);
        Optional<Metadata> metadata = MetadataReader.read(top);
        Optional<MapReader> spec = top.required("spec", FieldTypes.MAP).map(m -> new MapReader(m, "spec", problems));
        top.finish();
        if (spec.isEmpty()) {
            problems.throwIfAny();
        }
        MapReader s = spec.get();
        String title = s.string("title").orElse("");
        List<String> objectives = s.stringList("objectives");
        List<String> hypotheses = s.stringList("hypotheses");
        Roles roles = s.map("roles", "spec.roles").map(GameDayLoader::roles).orElse(Roles.NONE);
        List<GameDayStep> steps = s.required("steps", FieldTypes.LIST).map(list -> steps(list, folder, problems)).orElse(List.of());
        AbortCriteria abort = s.map("abort", "spec.abort").map(a -> abort(a, file)).orElse(AbortCriteria.NONE);
        int fleet = s.map("practiceFleet", "spec.practiceFleet").map(GameDayLoader::practiceFleet).orElse(0);
        s.allow("variables");
        s.finish();
        problems.throwIfAny();
        return new GameDay(file, metadata.orElseThrow(), title, objectives, roles, hypotheses, experimentVariables(declared, variables), steps, abort, fleet);
    }

    /** What experiment steps receive: the game day's declared variables (resolved as in this file) and everything given on the command line. */
    private static Map<String, String> experimentVariables(Map<String, VariableDeclaration> declared, Variables variables) {
        Map<String, String> out = new LinkedHashMap<>();
        declared.forEach((name, d) -> Optional.ofNullable(variables.cli().get(name))
                .or(() -> Optional.ofNullable(variables.files().get(name)))
                .or(() -> Optional.ofNullable(variables.environment().get(name)))
                .or(d::defaultValue)
                .ifPresent(v -> out.put(name, v)));
        out.putAll(variables.files());
        out.putAll(variables.cli());
        return out;
    }

    /** Default size of the practice fleet a game day asks for. */
    public static final int DEFAULT_FLEET_REPLICAS = 3;
    private static final int MAX_FLEET_REPLICAS = 20;

    private static int practiceFleet(MapReader m) {
        long replicas = m.integer("replicas").orElse((long) DEFAULT_FLEET_REPLICAS);
        m.finish();
        if (replicas < 1 || replicas > MAX_FLEET_REPLICAS) {
            m.problems().at(m.node().get("replicas"), "spec.practiceFleet.replicas must be from 1 to " + MAX_FLEET_REPLICAS + ", but was " + replicas, "e.g. 3");
            return DEFAULT_FLEET_REPLICAS;
        }
        return (int) replicas;
    }

    private static Roles roles(MapReader m) {
        Roles roles = new Roles(m.string("owner").orElse(""), m.string("coordinator").orElse(""), m.string("reporter").orElse(""),
                m.stringList("observers"));
        m.finish();
        return roles;
    }

    private static List<GameDayStep> steps(Node.ListNode list, Path folder, Problems problems) {
        if (list.items().isEmpty()) {
            problems.at(list, "spec.steps has no steps", "add at least one step: experiment, checkpoint, wait or note");
        }
        List<GameDayStep> steps = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.items().size(); i++) {
            String where = "step " + (i + 1);
            Optional<MapReader> reader = MapReader.of(list.items().get(i), where, problems);
            if (reader.isEmpty()) {
                continue;
            }
            MapReader m = reader.get().allow(STEP_KINDS).allow("name");
            List<String> kinds = STEP_KINDS.stream().filter(k -> m.node().entries().containsKey(k)).toList();
            if (kinds.size() != 1) {
                problems.at(m.node(), where + (kinds.isEmpty() ? " says nothing to do" : " has several kinds: " + String.join(", ", kinds)),
                        "write exactly one of: " + String.join(", ", STEP_KINDS));
                m.finish();
                continue;
            }
            String kind = kinds.get(0);
            if (kind.equals("experiment")) {
                m.allow("variables");
            }
            m.finish();
            Optional<GameDayStep> step = step(kind, m, i + 1, folder, problems);
            step.ifPresent(st -> {
                if (!names.add(st.name())) {
                    problems.at(m.node().get("name") != null ? m.node().get("name") : m.node(), "two steps are named '" + st.name() + "'",
                            "give each step its own 'name:' so the timeline and answer files can refer to it");
                }
                steps.add(st);
            });
        }
        return steps;
    }

    private static Optional<GameDayStep> step(String kind, MapReader m, int number, Path folder, Problems problems) {
        Optional<String> written = m.string("name");
        if (kind.equals("wait")) {
            return m.duration("wait").map(d -> new GameDayStep.Wait(written.orElse("wait-" + number), d));
        }
        Optional<String> text = m.string(kind);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (kind) {
            case "experiment" -> {
                Path file = folder.resolve(text.get()).normalize();
                if (!Files.isRegularFile(file)) {
                    problems.at(m.node().get("experiment"), "experiment file " + text.get() + " not found (looked at " + file + ")",
                            "paths are relative to the game-day file's folder");
                }
                yield new GameDayStep.ExperimentStep(written.orElseGet(() -> baseName(text.get())), file, text.get(), m.stringMap("variables"));
            }
            case "checkpoint" -> new GameDayStep.Checkpoint(written.orElse("checkpoint-" + number), text.get());
            default -> new GameDayStep.Note(written.orElse("note-" + number), text.get());
        });
    }

    private static String baseName(String path) {
        String file = Path.of(path).getFileName().toString();
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    private AbortCriteria abort(MapReader a, String file) {
        Duration interval = a.duration("interval").filter(d -> !d.isZero()).orElse(AbortCriteria.DEFAULT_INTERVAL);
        int failures = a.integer("consecutiveFailures").map(Long::intValue).orElse(1);
        if (failures < 1 || failures > 1000) {
            a.problems().at(a.node().get("consecutiveFailures"), "spec.abort.consecutiveFailures must be from 1 to 1000, but was " + failures, "e.g. 3");
            failures = 1;
        }
        List<ProbeSpec> specs = new ArrayList<>();
        Optional<Node.ListNode> list = a.required("probes", FieldTypes.LIST);
        list.filter(l -> l.items().isEmpty()).ifPresent(l -> a.problems().at(l, "spec.abort.probes has no probes",
                "write probes like an experiment's hypothesis probes"));
        list.ifPresent(l -> l.items().forEach(item -> {
            List<Problem> found = new ArrayList<>();
            probes.read(file, item, found).ifPresent(specs::add);
            a.problems().addAll(found);
        }));
        a.finish();
        return new AbortCriteria(interval, failures, specs);
    }

    // spec.variables holds declarations, read as written; the rest of the file is read with them substituted.
    private static Node.MapNode withoutVariables(Node.MapNode root) {
        if (!(root.get("spec") instanceof Node.MapNode spec) || spec.get("variables") == null) {
            return root;
        }
        Map<String, Node.Entry> specEntries = new LinkedHashMap<>(spec.entries());
        specEntries.remove("variables");
        Map<String, Node.Entry> rootEntries = new LinkedHashMap<>(root.entries());
        Node.Entry specEntry = root.entries().get("spec");
        rootEntries.put("spec", new Node.Entry("spec", specEntry.line(), specEntry.column(), new Node.MapNode(specEntries, spec.line(), spec.column())));
        return new Node.MapNode(rootEntries, root.line(), root.column());
    }
}
