package dev.andon.core.gameday;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Answers typed by the operator, handed over from the thread that reads the terminal. */
public final class QueuedAnswers implements CheckpointAnswers {

    private final LinkedBlockingQueue<Answer> queue = new LinkedBlockingQueue<>();
    private volatile GameDayStep.Checkpoint open;

    /** Whether a checkpoint is waiting for an answer right now. */
    public boolean awaiting() {
        return open != null;
    }

    /** Gives the open checkpoint its answer; false when no checkpoint is waiting. */
    public boolean answer(Answer answer) {
        if (open == null) {
            return false;
        }
        queue.add(answer);
        return true;
    }

    @Override
    public Optional<Answer> poll(int step, GameDayStep.Checkpoint checkpoint, Duration wait) throws InterruptedException {
        open = checkpoint;
        Answer a = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (a != null) {
            open = null;
        }
        return Optional.ofNullable(a);
    }

    @Override
    public void abandoned(int step, GameDayStep.Checkpoint checkpoint) {
        open = null;
        queue.clear();
    }
}
