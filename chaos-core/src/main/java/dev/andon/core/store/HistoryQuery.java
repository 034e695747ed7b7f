package dev.andon.core.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Which runs to list, newest first. Every filter is optional.
 *
 * @param experiment only this experiment
 * @param status     only runs in this state
 * @param since      only runs started at or after this instant
 * @param node       only runs owned by this node
 * @param limit      at most this many rows
 */
public record HistoryQuery(
        Optional<String> experiment,
        Optional<RunStatus> status,
        Optional<Instant> since,
        Optional<String> node,
        int limit) {

    public static final int DEFAULT_LIMIT = 100;

    public HistoryQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, but was " + limit);
        }
    }

    public static HistoryQuery all() {
        return new HistoryQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_LIMIT);
    }

    public HistoryQuery experiment(String name) {
        return new HistoryQuery(Optional.of(name), status, since, node, limit);
    }

    public HistoryQuery status(RunStatus s) {
        return new HistoryQuery(experiment, Optional.of(s), since, node, limit);
    }

    public HistoryQuery since(Instant at) {
        return new HistoryQuery(experiment, status, Optional.of(at), node, limit);
    }

    public HistoryQuery node(String name) {
        return new HistoryQuery(experiment, status, since, Optional.of(name), limit);
    }

    public HistoryQuery limit(int max) {
        return new HistoryQuery(experiment, status, since, node, max);
    }
}
