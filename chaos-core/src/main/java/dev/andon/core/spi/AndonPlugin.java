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
}
