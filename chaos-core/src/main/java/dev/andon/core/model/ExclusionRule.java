package dev.andon.core.model;

import dev.andon.core.spi.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One entry of a target set's {@code exclude:} list. A target is excluded when every field given matches.
 *
 * @param ids         exact target ids (PIDs, {@code namespace/pod}, instance IDs)
 * @param nameMatches a regex found in the target's name
 * @param labels      labels or tags that must all be present with these values
 * @param groups      exact group names (a Deployment, an ASG)
 */
public record ExclusionRule(List<String> ids, Optional<Pattern> nameMatches, Map<String, String> labels, List<String> groups) {

    public ExclusionRule {
        ids = List.copyOf(ids);
        labels = Map.copyOf(labels);
        groups = List.copyOf(groups);
    }

    public boolean matches(Target target) {
        if (!ids.isEmpty() && !ids.contains(target.id())) {
            return false;
        }
        if (nameMatches.isPresent() && !nameMatches.get().matcher(target.name()).find()) {
            return false;
        }
        if (!groups.isEmpty() && !groups.contains(target.group())) {
            return false;
        }
        for (Map.Entry<String, String> label : labels.entrySet()) {
            if (!label.getValue().equals(target.labels().get(label.getKey()))) {
                return false;
            }
        }
        return true;
    }

    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!ids.isEmpty()) {
            parts.add("id in " + ids);
        }
        nameMatches.ifPresent(p -> parts.add("name matches /" + p.pattern() + "/"));
        if (!labels.isEmpty()) {
            parts.add("labels " + labels);
        }
        if (!groups.isEmpty()) {
            parts.add("group in " + groups);
        }
        return "excluded by the experiment (" + String.join(", ", parts) + ")";
    }
}
