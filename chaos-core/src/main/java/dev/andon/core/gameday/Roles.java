package dev.andon.core.gameday;

import java.util.List;

/**
 * The people of a game day.
 *
 * @param owner       accountable for the system under test; decides whether to go on
 * @param coordinator runs the session and answers the checkpoints
 * @param reporter    keeps the notes and writes the review
 * @param observers   watch dashboards and the on-call response
 */
public record Roles(String owner, String coordinator, String reporter, List<String> observers) {

    public static final Roles NONE = new Roles("", "", "", List.of());

    public Roles {
        owner = owner == null ? "" : owner;
        coordinator = coordinator == null ? "" : coordinator;
        reporter = reporter == null ? "" : reporter;
        observers = List.copyOf(observers);
    }
}
