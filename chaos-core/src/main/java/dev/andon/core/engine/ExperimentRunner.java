package dev.andon.core.engine;

import dev.andon.core.model.Experiment;
import dev.andon.core.model.TargetSet;
import dev.andon.core.spi.AndonPlugin;
import dev.andon.core.spi.Candidates;
import dev.andon.core.spi.Compensation;
import dev.andon.core.spi.ParamSpec;
import dev.andon.core.spi.ParameterBinding;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.PluginRegistry;
import dev.andon.core.spi.ProviderException;
import dev.andon.core.spi.RunContext;
import dev.andon.core.spi.TargetProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Runs experiments. Stateless and thread-safe: each {@link #run} is independent, so the scheduler may
 * run several at once.
 */
public final class ExperimentRunner {

    /** How often a run asks its {@link StopSignal}; the cord's latency is bounded by it. */
    public static final Duration STOP_POLL_INTERVAL = Duration.ofMillis(100);

    private final PluginRegistry registry;
    private final Clock clock;
    private final List<RunGuard> guards;
    private final TargetSelector selector = new TargetSelector();
    private final UndoExecutor undoExecutor;

    public ExperimentRunner(PluginRegistry registry, Clock clock) {
        this(registry, clock, List.of());
    }

    private ExperimentRunner(PluginRegistry registry, Clock clock, List<RunGuard> guards) {
        this.registry = registry;
        this.clock = clock;
        this.guards = List.copyOf(guards);
        this.undoExecutor = new UndoExecutor(registry, clock);
    }

    /** A runner that also asks these guards before every run. */
    public ExperimentRunner withGuards(List<RunGuard> moreGuards) {
        List<RunGuard> all = new ArrayList<>(guards);
        all.addAll(moreGuards);
        return new ExperimentRunner(registry, clock, all);
    }

    /** Runs the experiment to its end; never throws for anything a run can meet — failures are outcomes. */
    public RunResult run(Experiment experiment, RunOptions options, RunListener listener) {
        return new ExperimentRun(this, registry, clock, experiment, options, listener).execute();
    }

    /** Resolves and picks every target set as a run with this seed would, touching nothing. */
    public List<Selection> plan(Experiment experiment, RunOptions options) throws ProviderException {
        try (DefaultRunContext context = new DefaultRunContext(options.runId(), experiment.name(), clock, true,
                settingsResolver(experiment, options), new RunListener() { }, () -> false)) {
            return selectAll(experiment, options.seed(), context);
        }
    }

    /**
     * Runs an undo outside of any run: crash recovery of a run whose process died.
     *
     * @param runId    the id of the run the undo belongs to
     * @param settings raw plugin settings of that run, or an empty map for the defaults
     * @param listener receives the notes the undo makes
     */
    public ActionRecord undo(Compensation compensation, String runId, Map<String, Map<String, Object>> settings, RunListener listener) {
        Function<String, Parameters> resolver = plugin -> bindSettings(plugin, settings.getOrDefault(plugin, Map.of()));
        try (DefaultRunContext context = new DefaultRunContext(runId, "recovery", clock, false, resolver, listener, () -> false)) {
            return undoExecutor.execute(compensation, context);
        }
    }

    List<Selection> selectAll(Experiment experiment, long seed, RunContext context) throws ProviderException {
        List<Selection> out = new ArrayList<>();
        for (TargetSet set : experiment.targets().values()) {
            TargetProvider provider = registry.provider(set.provider())
                    .orElseThrow(() -> new IllegalStateException("no target provider named '" + set.provider() + "'"));
            Candidates found = provider.candidates(set.selector(), context);
            out.add(selector.select(set, found, experiment.safety(), TargetSelector.randomFor(seed, set.name())));
        }
        return out;
    }

    /** Every plugin's stop conditions for this run's settings; those already opened are closed if a later one fails. */
    List<dev.andon.core.spi.StopCondition> stopConditions(Experiment experiment, RunOptions options) throws ProviderException {
        Function<String, Parameters> settings = settingsResolver(experiment, options);
        List<dev.andon.core.spi.StopCondition> out = new ArrayList<>();
        try {
            for (AndonPlugin plugin : registry.plugins()) {
                out.addAll(plugin.stopConditions(settings.apply(plugin.name()), clock));
            }
        } catch (ProviderException | RuntimeException e) {
            out.forEach(dev.andon.core.spi.StopCondition::close);
            throw e;
        }
        return out;
    }

    Function<String, Parameters> settingsResolver(Experiment experiment, RunOptions options) {
        Map<String, Parameters> cache = new ConcurrentHashMap<>();
        return plugin -> cache.computeIfAbsent(plugin, p -> {
            Map<String, Object> raw = new LinkedHashMap<>(experiment.settings(p).asMap());
            raw.putAll(options.settingOverrides().getOrDefault(p, Map.of()));
            return bindSettings(p, raw);
        });
    }

    private Parameters bindSettings(String plugin, Map<String, ?> raw) {
        List<ParamSpec> specs = registry.plugin(plugin).map(AndonPlugin::settings).orElse(List.of());
        return ParameterBinding.bind(plugin + " settings", specs, raw);
    }

    PluginRegistry registry() {
        return registry;
    }

    List<RunGuard> guards() {
        return guards;
    }

    UndoExecutor undoExecutor() {
        return undoExecutor;
    }
}
