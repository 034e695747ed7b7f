package dev.andon.core.testing;

import dev.andon.core.spi.Action;
import dev.andon.core.spi.ActionEffect;
import dev.andon.core.spi.ActionRequest;
import dev.andon.core.spi.AndonPlugin;
import dev.andon.core.spi.Candidate;
import dev.andon.core.spi.Candidates;
import dev.andon.core.spi.Compensation;
import dev.andon.core.spi.ParamSpec;
import dev.andon.core.spi.ParamType;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.Probe;
import dev.andon.core.spi.ProbeObservation;
import dev.andon.core.spi.ProviderException;
import dev.andon.core.spi.RunContext;
import dev.andon.core.spi.Target;
import dev.andon.core.spi.TargetProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parts over an {@link InMemorySystem}: provider {@code mem.node}; actions {@code mem.crash} (heals by
 * itself), {@code mem.freeze} (undo: {@code mem.thaw}), {@code mem.fail} (always fails),
 * {@code mem.gone} (the target vanished); probes {@code mem.up} (value: nodes up).
 */
public final class InMemoryPlugin implements AndonPlugin {

    public static final String PROTECTED = "protected";

    private final InMemorySystem system;

    public InMemoryPlugin(InMemorySystem system) {
        this.system = system;
    }

    @Override
    public String name() {
        return "mem";
    }

    @Override
    public List<TargetProvider> targetProviders() {
        return List.of(new TargetProvider() {
            @Override
            public String name() {
                return "mem.node";
            }

            @Override
            public List<ParamSpec> parameters() {
                return List.of(ParamSpec.optional("prefix", ParamType.STRING, "node name prefix"));
            }

            @Override
            public Candidates candidates(Parameters selector, RunContext context) {
                List<Candidate> out = new ArrayList<>();
                String prefix = selector.string("prefix").orElse("");
                system.nodes().forEach((name, labels) -> {
                    if (name.startsWith(prefix)) {
                        Target t = new Target("mem.node", name, name, labels.getOrDefault("group", name), labels, Map.of());
                        out.add(labels.containsKey(PROTECTED) ? Candidate.excluded(t, "protected node") : Candidate.eligible(t));
                    }
                });
                return new Candidates(out, 1);
            }
        });
    }

    @Override
    public List<Action> actions() {
        return List.of(
                action("mem.crash", (r, t) -> {
                    system.crash(t.id());
                    return ActionEffect.of("crashed " + t.id());
                }, null),
                action("mem.freeze", (r, t) -> {
                    system.freeze(t.id());
                    return ActionEffect.of("froze " + t.id());
                }, "mem.thaw"),
                action("mem.thaw", (r, t) -> {
                    system.thaw(t.id());
                    return ActionEffect.of("thawed " + t.id());
                }, null),
                action("mem.fail", (r, t) -> {
                    throw new ProviderException(ProviderException.Kind.FAILED, "the platform said no to " + t.id());
                }, null),
                action("mem.gone", (r, t) -> {
                    throw new ProviderException(ProviderException.Kind.NOT_FOUND, t.id() + " no longer exists");
                }, "mem.thaw"));
    }

    @Override
    public List<Probe> probes() {
        return List.of(new Probe() {
            @Override
            public String name() {
                return "mem.up";
            }

            @Override
            public List<ParamSpec> parameters() {
                return List.of();
            }

            @Override
            public ProbeObservation observe(Parameters parameters, RunContext context) {
                return ProbeObservation.of(Map.of(ProbeObservation.VALUE, system.upCount()), Duration.ofMillis(1));
            }
        });
    }

    @FunctionalInterface
    private interface Effect {
        ActionEffect apply(ActionRequest request, Target target) throws ProviderException;
    }

    private static Action action(String name, Effect effect, String undoAction) {
        return new Action() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<ParamSpec> parameters() {
                return List.of();
            }

            @Override
            public Set<String> targetProviders() {
                return Set.of("mem.node");
            }

            @Override
            public Optional<Compensation> plannedUndo(ActionRequest request) {
                return undoAction == null ? Optional.empty()
                        : Optional.of(new Compensation(undoAction, request.target(), Map.of(), "thaw " + request.requireTarget().id()));
            }

            @Override
            public ActionEffect apply(ActionRequest request) throws ProviderException {
                return effect.apply(request, request.requireTarget());
            }
        };
    }
}
