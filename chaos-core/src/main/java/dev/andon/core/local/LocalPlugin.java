package dev.andon.core.local;

import dev.andon.core.spi.Action;
import dev.andon.core.spi.AndonPlugin;
import dev.andon.core.spi.Probe;
import dev.andon.core.spi.TargetProvider;
import java.util.List;

/**
 * The built-in adapter for one machine: processes as targets ({@code local.process}), signals as faults
 * ({@code process.kill}, {@code process.signal}) and the {@code http}, {@code tcp} and {@code process} probes.
 * Needs nothing but the JDK and a POSIX {@code kill} command.
 */
public final class LocalPlugin implements AndonPlugin {

    public static final String NAME = "local";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<TargetProvider> targetProviders() {
        return List.of(new ProcessTargetProvider());
    }

    @Override
    public List<Action> actions() {
        return List.of(SignalAction.kill(), SignalAction.signal());
    }

    @Override
    public List<Probe> probes() {
        return List.of(new HttpProbe(), new TcpProbe(), new CommandProbe());
    }
}
