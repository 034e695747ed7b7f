package dev.andon.cli.gameday;

import dev.andon.cli.options.VariableOptions;
import dev.andon.cli.options.VerboseOption;
import dev.andon.core.engine.ExperimentRunner;
import dev.andon.core.engine.RunOptions;
import dev.andon.core.engine.Selection;
import dev.andon.core.gameday.EngineSteps;
import dev.andon.core.gameday.GameDay;
import dev.andon.core.gameday.GameDayLoader;
import dev.andon.core.gameday.GameDayRunner;
import dev.andon.core.gameday.GameDayStep;
import dev.andon.core.gameday.ProbeSpecReader;
import dev.andon.core.load.ExperimentLoader;
import dev.andon.core.load.Variables;
import dev.andon.core.model.Durations;
import dev.andon.core.model.Experiment;
import dev.andon.core.spi.Candidate;
import dev.andon.core.spi.PluginRegistry;
import dev.andon.core.spi.Target;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = {
            "Validate a game day (and every experiment it names) and print its plan with the targets each experiment would hit now.",
            "Nothing is touched. Exit codes: 0 valid, 2 invalid file or usage."
        })
public final class GameDayPlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The game-day file (YAML or JSON).")
    Path file;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the picks shown (default ${DEFAULT-VALUE}); pass the run's seed to see its picks.")
    long seed;

    @Mixin
    VariableOptions variables;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PluginRegistry registry = PluginRegistry.load();
        Clock clock = Clock.systemUTC();
        Variables vars = variables.variables();
        GameDay g = new GameDayLoader(ProbeSpecReader.of(registry)).load(file, vars);
        EngineSteps steps = new EngineSteps(new ExperimentLoader(registry), new ExperimentRunner(registry, clock), vars.environment());
        Map<GameDayStep.ExperimentStep, Experiment> experiments = new GameDayRunner(steps, registry, clock).prepare(g);
        out.println(g.title() + " (" + g.name() + "): " + g.steps().size() + " steps, valid");
        g.objectives().forEach(o -> out.println("  objective: " + o));
        if (!g.abort().isEmpty()) {
            out.println("  abort when: " + String.join(", ", g.abort().probes().stream().map(p -> p.name() + " (" + p.probe() + ")").toList())
                    + " fails " + g.abort().consecutiveFailures() + "x, checked every " + Durations.format(g.abort().interval()));
        }
        for (int i = 0; i < g.steps().size(); i++) {
            GameDayStep step = g.steps().get(i);
            out.println(String.format("%2d. %s", i + 1, step.describe()));
            if (step instanceof GameDayStep.ExperimentStep e) {
                Experiment experiment = experiments.get(e);
                out.println("      " + experiment.name() + ": " + experiment.method().size() + " method step(s), "
                        + experiment.hypothesis().probes().size() + " hypothesis probe(s)");
                List<Selection> selections = steps.plan(experiment, RunOptions.fresh(seed + i).withDryRun(true));
                for (Selection s : selections) {
                    out.println("      targets " + s.targetSet() + " (" + s.provider() + ", " + s.mode() + "): " + s.eligibleCount()
                            + " eligible of " + s.candidates().size() + s.refusal().map(r -> "; refused: " + r).orElse(""));
                    for (Target t : s.selected()) {
                        out.println("        would hit " + t.id() + "  " + t.name());
                    }
                    if (s.selected().isEmpty() && s.refusal().isEmpty()) {
                        out.println("        would hit nothing now" + s.candidates().stream().filter(c -> !c.isEligible()).findFirst()
                                .flatMap(Candidate::exclusion).map(x -> " (e.g. excluded: " + x + ")").orElse(""));
                    }
                }
            }
        }
        out.flush();
        return 0;
    }
}
