package dev.andon.k8s.support;

import dev.andon.core.spi.ParamSpec;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.Part;
import java.util.LinkedHashMap;
import java.util.Map;

/** Parameters as the loader would hand them to a part: declared defaults filled in, then the given values. */
public final class Params {

    private Params() {
    }

    public static Parameters of(Part part, Object... keysAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec spec : part.parameters()) {
            spec.defaultValue().ifPresent(v -> values.put(spec.name(), v));
        }
        for (int i = 0; i < keysAndValues.length; i += 2) {
            String key = (String) keysAndValues[i];
            if (part.parameters().stream().noneMatch(s -> s.name().equals(key))) {
                throw new IllegalArgumentException(part.name() + " has no parameter " + key);
            }
            Object v = keysAndValues[i + 1];
            values.put(key, v instanceof Integer n ? Long.valueOf(n) : v);
        }
        return Parameters.of(values);
    }
}
