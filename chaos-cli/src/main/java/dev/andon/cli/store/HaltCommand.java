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
        name = "halt",
        mixinStandardHelpOptions = true,
        description = {
            "Pull the andon cord: every run sharing this store, on every node, aborts within a second and rolls back;",
            "no new run starts, scheduled or one-off, until 'andon resume'. Recorded with your OS user and the reason."
        })
public final class HaltCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why, for everyone who sees the halt.")
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
            Optional<CordEvent> before = session.store().halts().currentHalt();
            CordEvent halt = session.store().halts().halt(OsUser.name(), reason.strip(), clock.instant());
            before.ifPresent(b -> out.println("was already " + b.sentence()));
            out.println(halt.sentence());
            out.println("Runs sharing " + session.store().description() + " stop within a second; nothing new starts until"
                    + " 'andon resume --reason \"...\"'.");
        }
        out.flush();
        return 0;
    }
}
