package dev.andon.core.load;

import java.util.Map;

/**
 * Values for {@code ${name}} in files, from the command line ({@code --var}, {@code --var-file}) and the
 * environment. Lookup order: {@code --var}, then {@code --var-file}, then the environment, then the
 * default written in the file ({@code ${name:-default}} or {@code spec.variables}).
 *
 * @param cli         from {@code --var k=v}
 * @param files       from {@code --var-file} (later files win)
 * @param environment the process environment
 */
public record Variables(Map<String, String> cli, Map<String, String> files, Map<String, String> environment) {

    public static final Variables NONE = new Variables(Map.of(), Map.of(), Map.of());

    public Variables {
        cli = Map.copyOf(cli);
        files = Map.copyOf(files);
        environment = Map.copyOf(environment);
    }

    public static Variables fromEnvironment() {
        return new Variables(Map.of(), Map.of(), System.getenv());
    }
}
