package dev.andon.core.load;

import dev.andon.core.spi.Action;
import dev.andon.core.spi.ActionEffect;
import dev.andon.core.spi.ActionRequest;
import dev.andon.core.spi.AndonPlugin;
import dev.andon.core.spi.Candidates;
import dev.andon.core.spi.ParamSpec;
import dev.andon.core.spi.ParamType;
import dev.andon.core.spi.PluginRegistry;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.Probe;
import dev.andon.core.spi.ProbeObservation;
import dev.andon.core.spi.RunContext;
import dev.andon.core.spi.TargetProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Parts with declared parameters for loader tests; the loader only reads their names, specs and checks.
 * {@code fake.process} and {@code fake.pod} list targets, {@code fake.kill} acts on processes,
 * {@code fake.announce} takes no targets, {@code http} and {@code cmd} are probes.
 */
final class FakePlugin implements AndonPlugin {

    static PluginRegistry registry() {
        return PluginRegistry.of(new FakePlugin());
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public List<ParamSpec> settings() {
        return List.of(
                ParamSpec.optional("endpoint", ParamType.STRING, "where the fake platform listens"),
                ParamSpec.optional("apiKey", ParamType.STRING, "credential").asSecret(),
                ParamSpec.withDefault("retries", ParamType.INTEGER, 3L, "attempts per call"));
    }

    @Override
    public List<TargetProvider> targetProviders() {
        return List.of(new Provider("fake.process", List.of(
                ParamSpec.optional("commandMatches", ParamType.STRING, "regex found in the command line"),
                ParamSpec.optional("user", ParamType.STRING, "owner of the process"),
                ParamSpec.optional("parentPid", ParamType.INTEGER, "parent process id"))),
                new Provider("fake.pod", List.of(
                        ParamSpec.required("namespace", ParamType.STRING, "namespace of the pods"),
                        ParamSpec.optional("labels", ParamType.STRING_MAP, "label selector"))));
    }

    @Override
    public List<Action> actions() {
        return List.of(
                new FakeAction("fake.kill", Set.of("fake.process"), List.of(
                        ParamSpec.withDefault("signal", ParamType.STRING, "TERM", "signal to send").oneOf("TERM", "KILL", "STOP"),
                        ParamSpec.optional("grace", ParamType.DURATION, "time before KILL"))),
                new FakeAction("fake.announce", Set.of(), List.of(
                        ParamSpec.required("message", ParamType.STRING, "what to announce"))));
    }

    @Override
    public List<Probe> probes() {
        return List.of(
                new FakeProbe("http", List.of(
                        ParamSpec.required("url", ParamType.STRING, "the URL to request"),
                        ParamSpec.withDefault("timeout", ParamType.DURATION, Duration.ofSeconds(2), "per request"),
                        ParamSpec.optional("headers", ParamType.STRING_MAP, "request headers"),
                        ParamSpec.optional("token", ParamType.STRING, "bearer token").asSecret())),
                new FakeProbe("cmd", List.of(
                        ParamSpec.required("command", ParamType.STRING_LIST, "program and arguments"))));
    }

    private record Provider(String name, List<ParamSpec> parameters) implements TargetProvider {
        @Override
        public List<String> check(Parameters selector) {
            try {
                selector.string("commandMatches").ifPresent(Pattern::compile);
                return List.of();
            } catch (PatternSyntaxException e) {
                return List.of("commandMatches is not a valid regex: " + e.getDescription());
            }
        }

        @Override
        public Candidates candidates(Parameters selector, RunContext context) {
            return Candidates.of(List.of());
        }
    }

    private record FakeAction(String name, Set<String> targetProviders, List<ParamSpec> parameters) implements Action {
        @Override
        public List<String> check(Parameters parameters) {
            boolean graceWithoutTerm = parameters.has("grace") && !"TERM".equals(parameters.string("signal").orElse(""));
            return graceWithoutTerm ? List.of("'grace' only applies to signal TERM") : List.of();
        }

        @Override
        public ActionEffect apply(ActionRequest request) {
            return ActionEffect.of(name + " (fake, nothing done)");
        }
    }

    private record FakeProbe(String name, List<ParamSpec> parameters) implements Probe {
        @Override
        public ProbeObservation observe(Parameters parameters, RunContext context) {
            return ProbeObservation.of(Map.of(ProbeObservation.OK, true), Duration.ZERO);
        }
    }
}
