package dev.andon.core.load;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@code spec.variables}: each name maps to {@code {default, secret, description}}, or directly to
 * its default ({@code port: 8080}). Read before substitution, so defaults are taken as written.
 */
public final class VariableDeclarationReader {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");

    private VariableDeclarationReader() {
    }

    public static Map<String, VariableDeclaration> read(Node variables, Problems problems) {
        Map<String, VariableDeclaration> declared = new LinkedHashMap<>();
        Optional<MapReader> reader = MapReader.of(variables, "spec.variables", problems);
        if (reader.isEmpty()) {
            return declared;
        }
        for (Node.Entry entry : reader.get().node().entries().values()) {
            String name = entry.key();
            if (!NAME.matcher(name).matches()) {
                problems.at(entry, "variable name '" + name + "' is not usable in ${...}", "use letters, digits, '_', '.' and '-', starting with a letter or '_'");
                continue;
            }
            read(name, entry.value(), problems).ifPresent(d -> declared.put(name, d));
        }
        return declared;
    }

    private static Optional<VariableDeclaration> read(String name, Node value, Problems problems) {
        if (value instanceof Node.Scalar s && s.value() == null) {
            return Optional.of(VariableDeclaration.undeclared(name));
        }
        if (value instanceof Node.Scalar) {
            return FieldTypes.STRING.read(name, value, problems).map(d -> new VariableDeclaration(name, Optional.of(d), false, ""));
        }
        Optional<MapReader> reader = MapReader.of(value, "variable '" + name + "'", problems);
        if (reader.isEmpty()) {
            return Optional.empty();
        }
        MapReader declaration = reader.get();
        Optional<String> defaultValue = declaration.string("default");
        boolean secret = declaration.bool("secret").orElse(false);
        String description = declaration.string("description").orElse("");
        declaration.finish();
        return Optional.of(new VariableDeclaration(name, defaultValue, secret, description));
    }
}
