package dev.andon.core.gameday;

import java.time.Duration;
import java.util.Optional;

/**
 * Where checkpoint answers come from: the operator at the terminal, a scripted answer file, or {@code --yes}.
 * The runner polls so that a skip, the cord or an abort criterion can end a checkpoint that nobody answers.
 */
public interface CheckpointAnswers {

    /** The answer if one arrives within {@code wait}, empty otherwise. */
    Optional<Answer> poll(int step, GameDayStep.Checkpoint checkpoint, Duration wait) throws InterruptedException;

    /** The checkpoint ended without an answer (skipped, or the game day halted). */
    default void abandoned(int step, GameDayStep.Checkpoint checkpoint) {
    }

    /** Answers every checkpoint yes, for rehearsals and tests. */
    CheckpointAnswers YES = (step, checkpoint, wait) -> Optional.of(new Answer(true, "answered automatically", "--yes"));
}
