package dev.andon.core.gameday;

import dev.andon.core.model.Metadata;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A game day as loaded and validated: a team exercise of ordered steps, with the people who run it and the
 * criteria that stop it.
 *
 * @param source     the file as the user named it
 * @param metadata   name, description, labels
 * @param title      the headline of the exercise and of its report
 * @param objectives what the team wants to learn; the report's conclusions are drawn against them
 * @param roles      who does what
 * @param hypotheses what the team expects, in words
 * @param variables  values for {@code ${name}} passed to every experiment step (a step's own win)
 * @param steps      what happens, in order
 * @param abort      probes that stop the whole game day when they fail
 * @param practiceFleet replicas of the local practice fleet the game day is written against ({@code spec.practiceFleet});
 *                   {@code andon gameday run} starts one for the session. 0 when the game day runs against a real system
 */
public record GameDay(
        String source,
        Metadata metadata,
        String title,
        List<String> objectives,
        Roles roles,
        List<String> hypotheses,
        Map<String, String> variables,
        List<GameDayStep> steps,
        AbortCriteria abort,
        int practiceFleet) {

    public GameDay {
        Objects.requireNonNull(metadata, "metadata");
        title = title == null || title.isBlank() ? metadata.name() : title;
        objectives = List.copyOf(objectives);
        roles = roles == null ? Roles.NONE : roles;
        hypotheses = List.copyOf(hypotheses);
        variables = Map.copyOf(variables);
        steps = List.copyOf(steps);
        abort = abort == null ? AbortCriteria.NONE : abort;
        if (practiceFleet < 0) {
            throw new IllegalArgumentException("practiceFleet must not be negative, but was " + practiceFleet);
        }
    }

    public String name() {
        return metadata.name();
    }
}
