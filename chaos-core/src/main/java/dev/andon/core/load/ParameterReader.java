package dev.andon.core.load;

import dev.andon.core.spi.ParamSpec;
import dev.andon.core.spi.ParamType;
import dev.andon.core.spi.Parameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the keys a part declares ({@link ParamSpec}s) into validated {@link Parameters}: types converted,
 * {@code choices} enforced, required keys present, defaults filled. Keys no spec declares are left to
 * the {@link MapReader}'s {@code finish()}, so one "did you mean" covers the part's keys and the
 * surrounding ones ({@code name}, {@code target}, ...).
 */
public final class ParameterReader {

    private ParameterReader() {
    }

    /** Reads the declared keys out of a map that may hold other keys too; the caller finishes the reader. */
    public static Parameters read(MapReader reader, List<ParamSpec> specs) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec spec : specs) {
            Optional<?> value = spec.required()
                    ? reader.required(spec.name(), fieldType(spec.type()))
                    : reader.optional(spec.name(), fieldType(spec.type()));
            value.filter(v -> inChoices(spec, v, reader)).ifPresent(v -> values.put(spec.name(), plain(v)));
            if (!values.containsKey(spec.name()) && !reader.has(spec.name())) {
                spec.defaultValue().ifPresent(d -> values.put(spec.name(), d));
            }
        }
        return Parameters.of(values);
    }

    /** Reads a map that holds nothing but the part's keys (a selector, plugin settings) and finishes it. */
    public static Parameters read(Node node, List<ParamSpec> specs, String what, Problems problems) {
        Optional<MapReader> reader = MapReader.of(node, what, problems);
        if (reader.isEmpty()) {
            return Parameters.empty();
        }
        Parameters parameters = read(reader.get(), specs);
        reader.get().finish();
        return parameters;
    }

    /** The values of parameters declared secret, to be redacted wherever the experiment is shown. */
    public static List<String> secretValues(List<ParamSpec> specs, Parameters parameters) {
        List<String> secrets = new ArrayList<>();
        for (ParamSpec spec : specs) {
            if (spec.secret()) {
                parameters.any(spec.name()).map(String::valueOf).filter(s -> !s.isEmpty()).ifPresent(secrets::add);
            }
        }
        return secrets;
    }

    public static FieldType<?> fieldType(ParamType type) {
        return switch (type) {
            case STRING -> FieldTypes.STRING;
            case INTEGER -> FieldTypes.INTEGER;
            case NUMBER -> FieldTypes.NUMBER;
            case BOOLEAN -> FieldTypes.BOOLEAN;
            case DURATION -> FieldTypes.DURATION;
            case STRING_LIST -> FieldTypes.STRING_LIST;
            case STRING_MAP -> FieldTypes.STRING_MAP;
            case ANY -> FieldTypes.ANY;
        };
    }

    private static boolean inChoices(ParamSpec spec, Object value, MapReader reader) {
        if (spec.choices().isEmpty() || spec.choices().contains(value.toString())) {
            return true;
        }
        Node at = reader.node().get(spec.name());
        reader.problems().at(at, "'" + spec.name() + "' must be one of " + String.join(", ", spec.choices())
                + ", but was '" + value + "'", DidYouMean.hint(value.toString(), spec.choices(), "values"));
        return false;
    }

    // ANY values reach parts as plain maps, lists and scalars: parts never see the file's Node tree.
    private static Object plain(Object value) {
        return value instanceof Node node ? node.toPlain() : value;
    }
}
