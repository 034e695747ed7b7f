package dev.andon.core.spi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * The named parts of every plugin on the class path. Built once from {@link ServiceLoader}, or from an
 * explicit list in tests; immutable afterwards.
 */
public final class PluginRegistry {

    private final List<AndonPlugin> plugins;
    private final Map<String, TargetProvider> providers;
    private final Map<String, Action> actions;
    private final Map<String, Probe> probes;

    private PluginRegistry(List<AndonPlugin> plugins) {
        this.plugins = List.copyOf(plugins);
        this.providers = index(plugins, AndonPlugin::targetProviders, "target provider");
        this.actions = index(plugins, AndonPlugin::actions, "action");
        this.probes = index(plugins, AndonPlugin::probes, "probe");
    }

    /** Every plugin the class loader can see. */
    public static PluginRegistry load() {
        List<AndonPlugin> found = new ArrayList<>();
        ServiceLoader.load(AndonPlugin.class).forEach(found::add);
        found.sort((a, b) -> a.name().compareTo(b.name()));
        return new PluginRegistry(found);
    }

    public static PluginRegistry of(AndonPlugin... plugins) {
        return new PluginRegistry(List.of(plugins));
    }

    private static <T extends Part> Map<String, T> index(
            List<AndonPlugin> plugins, Function<AndonPlugin, List<T>> parts, String kind) {
        Map<String, T> byName = new LinkedHashMap<>();
        for (AndonPlugin plugin : plugins) {
            for (T part : parts.apply(plugin)) {
                T previous = byName.putIfAbsent(part.name(), part);
                if (previous != null) {
                    throw new IllegalStateException(
                            kind + " '" + part.name() + "' is provided twice (plugin " + plugin.name()
                                    + "); remove one of the jars that provide it");
                }
            }
        }
        return Map.copyOf(byName);
    }

    public List<AndonPlugin> plugins() {
        return plugins;
    }

    public Optional<AndonPlugin> plugin(String name) {
        return plugins.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<TargetProvider> provider(String name) {
        return Optional.ofNullable(providers.get(name));
    }

    public Optional<Action> action(String name) {
        return Optional.ofNullable(actions.get(name));
    }

    public Optional<Probe> probe(String name) {
        return Optional.ofNullable(probes.get(name));
    }

    public Collection<String> providerNames() {
        return sorted(providers.keySet());
    }

    public Collection<String> actionNames() {
        return sorted(actions.keySet());
    }

    public Collection<String> probeNames() {
        return sorted(probes.keySet());
    }

    private static List<String> sorted(Collection<String> names) {
        return names.stream().sorted().toList();
    }
}
