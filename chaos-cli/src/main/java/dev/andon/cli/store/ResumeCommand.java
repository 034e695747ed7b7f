package dev.andon.cli.store;

import dev.andon.cli.options.StoreOptions;
import dev.andon.cli.options.VerboseOption;
import dev.andon.core.store.CordEvent;
import dev.andon.core.store.StoreSession;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "resume",
        mixinStandardHelpOptions = true,
        description = "Release the andon cord: scheduled and one-off runs may start again. Recorded with your OS user and the reason.")
public final class ResumeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why it is safe again.")
    String reason;

    @Mixin
    StoreOptions store;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Clock clock = Clock.systemUTC();
        try (StoreSession session = store.open(clock, spec.commandLine().getErr())) {
            Optional<CordEvent> halt = session.store().halts().currentHalt();
            Optional<CordEvent> resumed = session.store().halts().resume(OsUser.name(), reason.strip(), clock.instant());
            if (resumed.isEmpty()) {
                out.println("not halted: nothing to resume");
            } else {
                halt.ifPresent(h -> out.println("was " + h.sentence()));
                out.println(resumed.get().sentence());
            }
        }
        out.flush();
        return 0;
    }
}
