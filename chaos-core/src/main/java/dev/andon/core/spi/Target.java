package dev.andon.core.spi;

import java.util.Map;
import java.util.Objects;

/**
 * Something a fault can hit: a process, a pod, a node, an instance, a task.
 *
 * @param provider   the provider that listed it, e.g. {@code local.process}
 * @param id         stable identity on its platform: a PID, {@code namespace/pod}, an instance ID
 * @param name       human-readable name (command line, pod name, Name tag)
 * @param group      what it belongs to for per-group limits: a Deployment, an ASG, an ECS service; equals id when none
 * @param labels     labels or tags, used by exclusions
 * @param attributes other facts shown to users and used by actions (node, zone, user, parent PID ...)
 */
public record Target(
        String provider,
        String id,
        String name,
        String group,
        Map<String, String> labels,
        Map<String, String> attributes) {

    public Target {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
        group = group == null ? id : group;
        labels = Map.copyOf(labels == null ? Map.of() : labels);
        attributes = Map.copyOf(attributes == null ? Map.of() : attributes);
    }

    public String attribute(String key) {
        return attributes.get(key);
    }
}
