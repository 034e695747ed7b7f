package dev.andon.core.model;

import java.util.Map;

public record Metadata(String name, String description, Map<String, String> labels) {

    public Metadata {
        description = description == null ? "" : description;
        labels = Map.copyOf(labels == null ? Map.of() : labels);
    }
}
