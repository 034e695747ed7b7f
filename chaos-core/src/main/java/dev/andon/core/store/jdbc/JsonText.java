package dev.andon.core.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.andon.core.spi.Compensation;
import dev.andon.core.spi.Target;
import dev.andon.core.store.StoreException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON columns: compensations (data, so another process can execute them) and target lists. */
final class JsonText {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<String>> LIST = new TypeReference<>() { };
    private static final TypeReference<Map<String, Map<String, Object>>> SETTINGS = new TypeReference<>() { };

    private final ObjectMapper mapper = new ObjectMapper();

    String compensation(Compensation c) {
        ObjectNode root = mapper.createObjectNode();
        root.put("action", c.action());
        c.target().ifPresent(t -> {
            ObjectNode target = root.putObject("target");
            target.put("provider", t.provider());
            target.put("id", t.id());
            target.put("name", t.name());
            target.put("group", t.group());
            target.set("labels", mapper.valueToTree(t.labels()));
            target.set("attributes", mapper.valueToTree(t.attributes()));
        });
        root.set("parameters", mapper.valueToTree(c.parameters()));
        root.put("description", c.description());
        return write(root);
    }

    Compensation compensation(String json) {
        try {
            JsonNode root = mapper.readTree(json);
            JsonNode t = root.path("target");
            Optional<Target> target = t.isObject()
                    ? Optional.of(new Target(
                            t.path("provider").asText(),
                            t.path("id").asText(),
                            t.path("name").asText(),
                            t.path("group").asText(),
                            mapper.convertValue(t.path("labels"), STRINGS),
                            mapper.convertValue(t.path("attributes"), STRINGS)))
                    : Optional.empty();
            Map<String, Object> parameters = root.has("parameters")
                    ? mapper.convertValue(root.get("parameters"), MAP)
                    : new LinkedHashMap<>();
            return new Compensation(root.path("action").asText(), target, parameters, root.path("description").asText());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new StoreException("a stored undo is not readable JSON: " + e.getMessage(), e);
        }
    }

    String strings(List<String> values) {
        return write(mapper.valueToTree(values));
    }

    List<String> strings(String json) {
        try {
            return mapper.readValue(json, LIST);
        } catch (JsonProcessingException e) {
            throw new StoreException("a stored target list is not readable JSON: " + e.getMessage(), e);
        }
    }

    String settings(Map<String, Map<String, Object>> settings) {
        return write(mapper.valueToTree(settings));
    }

    /** Rows written before plugin settings were stored have none. */
    Map<String, Map<String, Object>> settings(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return mapper.readValue(json, SETTINGS);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored plugin settings are not readable JSON: " + e.getMessage(), e);
        }
    }

    private String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
