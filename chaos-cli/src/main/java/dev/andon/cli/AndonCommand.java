package dev.andon.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "andon",
        mixinStandardHelpOptions = true,
        versionProvider = AndonVersion.class,
        description = "Chaos engineering: run experiments, scheduled chaos and game days.%n"
                + "Pull the cord with 'andon halt' to stop everything.")
public final class AndonCommand implements Runnable {

    /**
     * Every subcommand, in the order help lists them. Added by {@link AndonCli}: building all of them by
     * reflection costs a quarter of a second, so a command line that names one builds only that one.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            picocli.CommandLine.HelpCommand.class,
            dev.andon.cli.run.RunCommand.class,
            dev.andon.cli.run.ValidateCommand.class,
            dev.andon.cli.run.TargetsCommand.class,
            dev.andon.cli.run.RecoverCommand.class,
            dev.andon.cli.fleet.FleetCommand.class,
            dev.andon.cli.demo.DemoCommand.class,
            PluginsCommand.class,
            CompletionCommand.class,
            dev.andon.cli.schedule.DaemonCommand.class,
            dev.andon.cli.schedule.ScheduleCommand.class,
            dev.andon.cli.store.HaltCommand.class,
            dev.andon.cli.store.ResumeCommand.class,
            dev.andon.cli.store.HistoryCommand.class,
            dev.andon.cli.gameday.GameDayCommand.class,
            dev.andon.cli.report.ReportCommand.class);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
