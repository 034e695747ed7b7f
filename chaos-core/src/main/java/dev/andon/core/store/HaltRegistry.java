package dev.andon.core.store;

import java.util.List;
import java.util.Optional;

/** The andon cord's durable state, shared by every node and command using the same store. */
public interface HaltRegistry {

    /** The halt in force, or empty when chaos may run. Cheap: polled every 200 ms by every run. */
    Optional<CordEvent> currentHalt();

    /**
     * Pulls the cord. Halting while halted records the new reason too, and keeps the store halted.
     *
     * @return the halt now in force
     */
    CordEvent halt(String who, String why, java.time.Instant at);

    /**
     * Releases the cord.
     *
     * @return the resume event, or empty when the store was not halted (nothing is recorded)
     */
    Optional<CordEvent> resume(String who, String why, java.time.Instant at);

    /** Every halt and resume, newest first. */
    List<CordEvent> history(int limit);
}
