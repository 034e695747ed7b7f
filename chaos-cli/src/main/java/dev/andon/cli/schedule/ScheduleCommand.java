package dev.andon.cli.schedule;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "schedule",
        mixinStandardHelpOptions = true,
        description = "Inspect Schedule files: what fires next, and which kills Chaos Monkey mode would plan.",
        subcommands = {ScheduleListCommand.class, SchedulePreviewCommand.class})
public final class ScheduleCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
