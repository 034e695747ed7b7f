package dev.andon.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The subset of JSONPath that health endpoints need: {@code $}, {@code .name}, {@code [index]}, {@code ['name']}. */
public final class JsonPaths {

    private static final Pattern SEGMENT = Pattern.compile("\\.([A-Za-z0-9_\\-]+)|\\[(\\d+)]|\\['([^']+)']");

    private JsonPaths() {
    }

    /** True when the path is of the supported form. */
    public static boolean isValid(String path) {
        if (!path.startsWith("$")) {
            return false;
        }
        String rest = path.substring(1);
        Matcher m = SEGMENT.matcher(rest);
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                return false;
            }
            end = m.end();
        }
        return end == rest.length();
    }

    public static JsonNode read(JsonNode root, String path) {
        if (!isValid(path)) {
            throw new IllegalArgumentException("unsupported JSON path " + path);
        }
        JsonNode node = root;
        Matcher m = SEGMENT.matcher(path.substring(1));
        while (m.find() && node != null) {
            if (m.group(1) != null) {
                node = node.get(m.group(1));
            } else if (m.group(2) != null) {
                node = node.get(Integer.parseInt(m.group(2)));
            } else {
                node = node.get(m.group(3));
            }
        }
        return node == null ? MissingNode.getInstance() : node;
    }
}
