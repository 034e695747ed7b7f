package dev.andon.core.store;

import dev.andon.core.engine.RunGuard;
import dev.andon.core.engine.RunOptions;
import dev.andon.core.model.Experiment;
import java.util.Optional;

/** Refuses every new run, scheduled or one-off, while the cord is pulled: "halted by alice at ...: why". */
public final class HaltGuard implements RunGuard {

    private final HaltRegistry halts;

    public HaltGuard(HaltRegistry halts) {
        this.halts = halts;
    }

    @Override
    public Optional<String> refuse(Experiment experiment, RunOptions options) {
        return halts.currentHalt().map(CordEvent::sentence);
    }
}
