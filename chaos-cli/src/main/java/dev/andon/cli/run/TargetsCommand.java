package dev.andon.cli.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.andon.cli.ExitCodes;
import dev.andon.cli.UserError;
import dev.andon.cli.options.PlatformOptions;
import dev.andon.cli.options.VariableOptions;
import dev.andon.cli.options.VerboseOption;
import dev.andon.core.engine.ExperimentRunner;
import dev.andon.core.engine.RunIds;
import dev.andon.core.engine.RunOptions;
import dev.andon.core.engine.Selection;
import dev.andon.core.model.Experiment;
import dev.andon.core.spi.Candidate;
import dev.andon.core.spi.ProviderException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "targets",
        mixinStandardHelpOptions = true,
        description = "Show every candidate of each target set, which are excluded and why, and what a run with this seed would pick. Touches nothing.")
public final class TargetsCommand implements Callable<Integer> {

    /** Candidates listed per target set unless --all: enough to read, not a wall of text on a big cluster. */
    static final int DEFAULT_LISTED = 200;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The experiment file.")
    Path file;

    @Option(names = "--seed", paramLabel = "N", description = "Seed to show the pick for (default: a fresh one, printed).")
    Long seed;

    @Option(names = "--all", description = "List every candidate, not only the first " + DEFAULT_LISTED + ".")
    boolean all;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text", description = "text or json.")
    RunCommand.OutputFormat output;

    @Mixin
    VariableOptions variables;

    @Mixin
    PlatformOptions platform;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ExperimentFiles files = ExperimentFiles.withInstalledPlugins();
        Experiment experiment = files.load(file, variables);
        long pickSeed = seed != null ? seed : Seeds.fresh();
        RunOptions options = new RunOptions(RunIds.next(), pickSeed, true, SettingOverrides.check(files.registry(), platform.overrides()), null, "targets");
        List<Selection> selections;
        try {
            selections = new ExperimentRunner(files.registry(), Clock.systemUTC()).plan(experiment, options);
        } catch (ProviderException e) {
            throw new UserError(ExitCodes.PLATFORM_ERROR, e.getMessage(), e);
        }
        if (output == RunCommand.OutputFormat.json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json(pickSeed, selections)));
        } else {
            print(out, pickSeed, selections);
        }
        out.flush();
        return ExitCodes.HELD;
    }

    private void print(PrintWriter out, long pickSeed, List<Selection> selections) {
        out.println("seed " + pickSeed + " (pass --seed " + pickSeed + " to 'andon run' to pick the same targets)");
        for (Selection s : selections) {
            Set<String> picked = s.selected().stream().map(t -> t.id()).collect(Collectors.toSet());
            out.printf("%ntarget set '%s' — %s, mode %s: %d candidates, %d eligible, %d would be picked%n",
                    s.targetSet(), s.provider(), s.mode(), s.candidates().size(), s.eligibleCount(), s.selected().size());
            s.refusal().ifPresent(r -> out.println("  ✗ the run would be refused: " + r));
            int listed = 0;
            for (Candidate c : s.candidates()) {
                if (!all && listed++ >= DEFAULT_LISTED) {
                    out.println("  … " + (s.candidates().size() - DEFAULT_LISTED) + " more (use --all)");
                    break;
                }
                String mark = picked.contains(c.target().id()) ? "PICK" : c.isEligible() ? "ok  " : "skip";
                out.println("  " + mark + "  " + c.target().id() + "  " + c.target().name()
                        + c.exclusion().map(r -> "  — " + r).orElse(""));
            }
            if (s.candidates().isEmpty()) {
                out.println("  (no candidate matches the selector)");
            }
        }
    }

    private static Map<String, Object> json(long seed, List<Selection> selections) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("seed", seed);
        root.put("targetSets", selections.stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("targetSet", s.targetSet());
            m.put("provider", s.provider());
            m.put("mode", s.mode());
            m.put("refusal", s.refusal().orElse(null));
            m.put("picked", s.selected().stream().map(t -> t.id()).toList());
            m.put("candidates", s.candidates().stream().map(c -> {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("id", c.target().id());
                cm.put("name", c.target().name());
                cm.put("group", c.target().group());
                cm.put("eligible", c.isEligible());
                cm.put("exclusion", c.exclusion().orElse(null));
                return cm;
            }).toList());
            return m;
        }).toList());
        return root;
    }
}
