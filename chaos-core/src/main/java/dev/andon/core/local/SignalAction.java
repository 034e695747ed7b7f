package dev.andon.core.local;

import dev.andon.core.spi.Action;
import dev.andon.core.spi.ActionEffect;
import dev.andon.core.spi.ActionRequest;
import dev.andon.core.spi.Compensation;
import dev.andon.core.spi.ParamSpec;
import dev.andon.core.spi.ParamType;
import dev.andon.core.spi.ProviderException;
import dev.andon.core.spi.Target;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sends a signal to a {@code local.process} target: {@code process.kill} (faults, TERM by default) and
 * {@code process.signal} (any signal, the undo of STOP with CONT). A STOP is undone by a CONT, planned
 * before the STOP is sent so that a crash between the two still resumes the process.
 */
final class SignalAction implements Action {

    static final String KILL_NAME = "process.kill";
    static final String SIGNAL_NAME = "process.signal";
    static final String SIGNAL = "signal";

    private final String name;
    private final String description;
    private final ParamSpec signalParameter;
    private final ProcessSignaller signaller = new ProcessSignaller();

    private SignalAction(String name, String description, ParamSpec signalParameter) {
        this.name = name;
        this.description = description;
        this.signalParameter = signalParameter;
    }

    static SignalAction kill() {
        return new SignalAction(KILL_NAME, "sends TERM, KILL, STOP (undone with CONT) or another fault signal to a process",
                ParamSpec.withDefault(SIGNAL, ParamType.STRING, Signals.TERM, "the signal to send")
                        .oneOf(Signals.FAULTS.toArray(String[]::new)));
    }

    static SignalAction signal() {
        return new SignalAction(SIGNAL_NAME, "sends any signal to a process, e.g. CONT to resume a stopped one",
                ParamSpec.required(SIGNAL, ParamType.STRING, "the signal to send")
                        .oneOf(Signals.ANY.toArray(String[]::new)));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(signalParameter);
    }

    @Override
    public Set<String> targetProviders() {
        return Set.of(ProcessTargetProvider.NAME);
    }

    @Override
    public Optional<Compensation> plannedUndo(ActionRequest request) {
        if (!Signals.STOP.equals(signal(request))) {
            return Optional.empty();
        }
        Target target = request.requireTarget();
        return Optional.of(new Compensation(SIGNAL_NAME, Optional.of(target), Map.of(SIGNAL, Signals.CONT),
                "resume " + target.id() + " with CONT"));
    }

    @Override
    public ActionEffect apply(ActionRequest request) throws ProviderException {
        ProcessSnapshot process = signaller.verify(request.requireTarget());
        String signal = signal(request);
        signaller.send(signal, process.pid());
        return new ActionEffect("sent " + signal + " to " + process.label(),
                Map.of(SIGNAL, signal, ProcessTargetProvider.PID, process.pid()));
    }

    /** Proves, without acting, that the process is still there and that Andon may signal it (signal 0). */
    @Override
    public ActionEffect rehearse(ActionRequest request) throws ProviderException {
        ProcessSnapshot process = signaller.verify(request.requireTarget());
        signaller.send("0", process.pid());
        return new ActionEffect("would send " + signal(request) + " to " + process.label(),
                Map.of(SIGNAL, signal(request), ProcessTargetProvider.PID, process.pid()));
    }

    private String signal(ActionRequest request) {
        return request.parameters().string(SIGNAL).orElse(Signals.TERM);
    }
}
