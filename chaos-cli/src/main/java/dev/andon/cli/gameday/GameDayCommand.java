package dev.andon.cli.gameday;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "gameday",
        mixinStandardHelpOptions = true,
        description = "Run a game day step by step (experiments, checkpoints, waits, notes) and keep its timeline.",
        subcommands = {GameDayRunCommand.class, GameDayPlanCommand.class})
public final class GameDayCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
