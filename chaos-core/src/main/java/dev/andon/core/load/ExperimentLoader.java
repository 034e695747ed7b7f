package dev.andon.core.load;

import dev.andon.core.model.Experiment;
import dev.andon.core.model.Hypothesis;
import dev.andon.core.model.Metadata;
import dev.andon.core.model.MethodStep;
import dev.andon.core.model.RecoverySpec;
import dev.andon.core.model.Rollbacks;
import dev.andon.core.model.Safety;
import dev.andon.core.model.TargetSet;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.PluginRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads an {@code Experiment} file: parse, substitute variables, validate strictly against the plugins of
 * the registry. Every problem of the file is reported at once in one {@link InvalidFileException}.
 * See {@code docs/file-format.md} for the format.
 */
public final class ExperimentLoader {

    public static final String KIND = "Experiment";
    static final List<String> SPEC_KEYS = List.of("variables", "settings", "targets", "hypothesis", "method", "rollbacks", "safety", "recovery");

    private final PluginRegistry registry;

    public ExperimentLoader(PluginRegistry registry) {
        this.registry = registry;
    }

    public Experiment load(Path file, Variables variables) throws InvalidFileException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InvalidFileException(List.of(new Problem(file.toString(), 0, 0, "no such file", "check the path")));
        } catch (IOException e) {
            throw new InvalidFileException(List.of(new Problem(file.toString(), 0, 0, "cannot read: " + e.getMessage(), "")));
        }
        return load(file.toString(), text, variables);
    }

    public Experiment load(String fileName, String text, Variables variables) throws InvalidFileException {
        Node parsed = SourceParser.parse(fileName, text);
        Problems problems = new Problems(fileName);
        MapReader raw = MapReader.of(parsed, "the file", problems).orElseThrow(() -> new InvalidFileException(problems.list()));
        // The kind decides everything else: a GameDay file gets one line saying which command reads it.
        if (!FileHeader.check(raw, KIND)) {
            problems.throwIfAny();
        }
        Map<String, VariableDeclaration> declared = declaredVariables(raw.node(), problems);
        VariableSubstitution substitution = new VariableSubstitution(variables, declared, problems, text);
        Node.MapNode root = (Node.MapNode) substitution.substitute(withoutVariableDeclarations(raw.node()));

        MapReader file = new MapReader(root, "the file", problems).allow(FileHeader.TOP_LEVEL_KEYS);
        ReadContext context = new ReadContext(registry, problems);
        Optional<Metadata> metadata = MetadataReader.read(file);
        Optional<MapReader> spec = file.required("spec", FieldTypes.MAP).map(m -> new MapReader(m, "spec", problems));
        file.finish();
        Optional<Experiment> experiment = spec.flatMap(s -> readSpec(s, context, fileName, metadata));
        context.addSecrets(substitution.secretValues());
        problems.throwIfAny(context.secretValues());
        Experiment read = experiment.orElseThrow(() -> new IllegalStateException("no problem reported, yet no experiment was read"));
        List<String> secrets = context.secretValues();
        return new Experiment(read.source(), read.metadata(), read.targets(), read.hypothesis(), read.method(), read.rollbacks(),
                read.safety(), read.recovery(), read.settings(), Redaction.document(root, raw.node(), secrets), secrets);
    }

    private Optional<Experiment> readSpec(MapReader spec, ReadContext context, String fileName, Optional<Metadata> metadata) {
        Problems problems = context.problems();
        spec.allow("variables");
        Map<String, Parameters> settings = spec.map("settings", "spec.settings")
                .map(s -> SettingsReader.read(s.node(), context)).orElse(Map.of());
        Safety safety = spec.map("safety", "spec.safety").map(SafetyReader::readSafety).orElse(Safety.DEFAULT);
        RecoverySpec recovery = spec.map("recovery", "spec.recovery").map(r -> SafetyReader.readRecovery(r, new HypothesisReader(context))).orElse(RecoverySpec.DEFAULT);
        Map<String, Optional<String>> declaredTargets = new LinkedHashMap<>();
        Map<String, TargetSet> targets = spec.optional("targets", FieldTypes.MAP)
                .map(t -> new TargetSetReader(context, safety).read(t, declaredTargets)).orElse(Map.of());
        Optional<Hypothesis> hypothesis = spec.map("hypothesis", "spec.hypothesis").map(h -> new HypothesisReader(context).read(h))
                .orElse(Optional.of(Hypothesis.NONE));
        MethodReader methodReader = new MethodReader(context, declaredTargets);
        List<MethodStep> method = spec.required("method", FieldTypes.LIST).map(list -> {
            if (list.items().isEmpty()) {
                problems.at(list, "the method has no steps", "add at least one 'action:' step");
            }
            return methodReader.readSteps(list, "the method");
        }).orElse(List.of());
        Rollbacks rollbacks = spec.entry("rollbacks").map(e -> RollbacksReader.read(e.value(), methodReader, problems)).orElse(Rollbacks.NONE);
        spec.finish();
        if (!problems.isEmpty() || metadata.isEmpty() || hypothesis.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Experiment(fileName, metadata.get(), targets, hypothesis.get(), method, rollbacks, safety, recovery,
                settings, Map.of(), List.of()));
    }

    private static Map<String, VariableDeclaration> declaredVariables(Node.MapNode root, Problems problems) {
        if (root.get("spec") instanceof Node.MapNode spec && spec.get("variables") != null) {
            return VariableDeclarationReader.read(spec.get("variables"), problems);
        }
        return Map.of();
    }

    // Declarations are read as written: a default of "${x}" is not substituted, and the section is dropped
    // from the tree the rest of the loader reads.
    private static Node.MapNode withoutVariableDeclarations(Node.MapNode root) {
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
