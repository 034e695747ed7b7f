package dev.andon.core.spi;

import java.util.List;

/**
 * One per module, found with {@link java.util.ServiceLoader}: the named parts a module adds to Andon.
 *
 * <p>A plugin is created once per process with its no-argument constructor and must be stateless;
 * per-run state (API clients, caches) belongs in {@link RunContext#shared}.
 */
public interface AndonPlugin {

    /** Short name, also the prefix of its parts' names and the key of its settings: {@code local}, {@code k8s}, {@code aws}. */
    String name();

    /** Keys accepted under {@code spec.settings.<name>} of an experiment (connection, region, context ...). */
    default List<ParamSpec> settings() {
        return List.of();
    }

    default List<TargetProvider> targetProviders() {
        return List.of();
    }

    default List<Action> actions() {
        return List.of();
    }

    default List<Probe> probes() {
        return List.of();
    }

    /**
     * Stop conditions the plugin's settings of this run ask for ({@code spec.settings.aws.stopAlarms}),
     * polled with the cord during the run and closed after it. Empty when the settings name none.
     *
     * @param settings the plugin's validated settings for the run (file and command line)
     * @param clock    the run's clock
     */
    default List<StopCondition> stopConditions(Parameters settings, java.time.Clock clock) throws ProviderException {
        return List.of();
    }
}
