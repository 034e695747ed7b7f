package dev.andon.core.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One target terminated (or, leashed, one that would have been): the history minimum time between kills
 * and the daily maximum are checked against.
 *
 * @param targetId   the target's id
 * @param group      the group limits apply to (a Deployment, an ASG, an ECS service)
 * @param experiment the experiment that killed it
 * @param runId      the run that killed it
 * @param at         when
 */
public record Termination(String targetId, String group, String experiment, String runId, Instant at) {

    public Termination {
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(at, "at");
    }
}
