package dev.andon.core.scheduler.guard;

import dev.andon.core.engine.RunOptions;
import dev.andon.core.model.Experiment;
import dev.andon.core.scheduler.Schedule;
import dev.andon.core.scheduler.ScheduleGuard;
import dev.andon.core.scheduler.SkipReason;
import dev.andon.core.store.HaltRegistry;
import java.time.Instant;
import java.util.Optional;

/** The andon cord: while the store is halted no scheduled run starts. */
public final class CordGuard implements ScheduleGuard {

    private final HaltRegistry halts;

    public CordGuard(HaltRegistry halts) {
        this.halts = halts;
    }

    @Override
    public Optional<SkipReason> check(Schedule schedule, Experiment experiment, RunOptions options, Instant now) {
        return halts.currentHalt().map(h -> new SkipReason(SkipReason.HALTED,
                "halted by " + h.who() + " at " + h.at() + ": " + h.why() + " (run 'andon resume' to allow runs again)"));
    }
}
