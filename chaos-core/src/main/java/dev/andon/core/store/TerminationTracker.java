package dev.andon.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Termination history, for minimum time between kills and maximum kills per day (Chaos Monkey's
 * Tracker). The check and the record happen in one transaction under a per-group lock, so two nodes
 * sharing the database can never both pass the minimum time.
 */
public interface TerminationTracker {

    /**
     * Records {@code termination} if the group's limits allow it at {@code termination.at()}; otherwise
     * records nothing and says why. Call it before killing: the kill is recorded before it happens.
     */
    TerminationDecision recordIfAllowed(Termination termination, TerminationLimits limits);

    /** Records unconditionally (one-off runs, which have no limits but still count). */
    void record(Termination termination);

    Optional<Termination> last(String group);

    /** Terminations since {@code since}, oldest first; {@code group} empty for all groups. */
    List<Termination> since(Instant since, Optional<String> group);
}
