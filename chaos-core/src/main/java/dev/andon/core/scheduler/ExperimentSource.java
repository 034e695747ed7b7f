package dev.andon.core.scheduler;

import dev.andon.core.load.InvalidFileException;
import dev.andon.core.model.Experiment;

/** Loads the experiment a schedule points at, with the schedule's variables; read afresh at every firing. */
@FunctionalInterface
public interface ExperimentSource {

    Experiment load(Schedule schedule) throws InvalidFileException;
}
