package dev.andon.aws.ec2;

import dev.andon.aws.AwsClients;
import dev.andon.aws.AwsFailures;
import dev.andon.aws.AwsSettings;
import dev.andon.core.spi.ActionEffect;
import dev.andon.core.spi.ActionRequest;
import dev.andon.core.spi.ParamSpec;
import dev.andon.core.spi.ParamType;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.ProviderException;
import dev.andon.core.spi.Target;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * {@code aws.ec2.start}: starts a stopped instance; the undo of {@code aws.ec2.stop}. Idempotent: an
 * instance already running is left alone, one still stopping is waited for (EC2 refuses to start it
 * before it has stopped).
 */
public final class Ec2StartAction extends Ec2InstanceAction {

    public static final String NAME = "aws.ec2.start";
    static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);
    static final Duration DEFAULT_WAIT = Duration.ofMinutes(10);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "start a stopped EC2 instance (waits for it to finish stopping; nothing to do when running)";
    }

    /** Connection keys an undo carries (none secret), named as the plugin's settings. */
    static final List<String> CONNECTION = List.of("region", "endpoint", "profile", "credentialsFile", "roleArn");

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.withDefault("pollInterval", ParamType.DURATION, DEFAULT_POLL_INTERVAL, "how often to check the instance's state"),
                ParamSpec.withDefault("waitForStopped", ParamType.DURATION, DEFAULT_WAIT, "how long to wait for a stopping instance"),
                ParamSpec.optional("region", ParamType.STRING, "region of the instance (default: the run's); set by aws.ec2.stop's undo"),
                ParamSpec.optional("endpoint", ParamType.STRING, "endpoint override (default: the run's)"),
                ParamSpec.optional("profile", ParamType.STRING, "AWS profile (default: the run's)"),
                ParamSpec.optional("credentialsFile", ParamType.STRING, "credentials file (default: the run's)"),
                ParamSpec.optional("roleArn", ParamType.STRING, "role to assume (default: the run's)"));
    }

    /**
     * The connection of the run that planned the undo, pinned in the undo's parameters: a process recovering
     * after a crash may have other defaults (another region, another profile) and must still reach this instance.
     */
    static Map<String, Object> pinnedConnection(AwsClients clients) throws ProviderException {
        AwsSettings s = clients.settings();
        Map<String, Object> pinned = new LinkedHashMap<>();
        pinned.put("region", clients.region());
        s.endpoint().ifPresent(e -> pinned.put("endpoint", e.toString()));
        s.profile().ifPresent(v -> pinned.put("profile", v));
        s.credentialsFile().ifPresent(v -> pinned.put("credentialsFile", v.toString()));
        s.roleArn().ifPresent(v -> pinned.put("roleArn", v));
        return pinned;
    }

    private static Optional<AwsSettings> connectionOf(Parameters p, AwsSettings run) {
        if (CONNECTION.stream().noneMatch(p::has)) {
            return Optional.empty();
        }
        AwsSettings pinned = run.withConnection(p.string("region"), p.string("endpoint").map(URI::create), p.string("profile"),
                p.string("credentialsFile").map(Path::of), p.string("roleArn"));
        return pinned.equals(run) ? Optional.empty() : Optional.of(pinned);
    }

    @Override
    String iamAction() {
        return "ec2:StartInstances";
    }

    @Override
    String verb() {
        return "start";
    }

    @Override
    public ActionEffect apply(ActionRequest request) throws ProviderException {
        AwsClients runClients = AwsClients.of(request.context());
        Optional<AwsSettings> pinned = connectionOf(request.parameters(), runClients.settings());
        if (pinned.isEmpty()) {
            return startWhenStopped(request, runClients);
        }
        try (AwsClients own = new AwsClients(pinned.get())) {
            return startWhenStopped(request, own);
        }
    }

    private ActionEffect startWhenStopped(ActionRequest request, AwsClients clients) throws ProviderException {
        Target target = request.requireTarget();
        Duration poll = request.parameters().duration("pollInterval").orElse(DEFAULT_POLL_INTERVAL);
        Instant deadline = request.context().clock().instant().plus(request.parameters().duration("waitForStopped").orElse(DEFAULT_WAIT));
        Ec2Inventory inventory = new Ec2Inventory(clients);
        while (true) {
            InstanceFacts now = inventory.byIds(List.of(target.id())).get(target.id());
            if (now == null || now.state().equals("terminated") || now.state().equals("shutting-down")) {
                throw new ProviderException(ProviderException.Kind.NOT_FOUND,
                        "instance " + target.id() + " is " + (now == null ? "gone" : now.state()) + " and cannot be started");
            }
            if (now.state().equals("running") || now.state().equals("pending")) {
                return new ActionEffect(target.id() + " is already " + now.state() + ", nothing to start", Map.of("state", now.state()));
            }
            if (now.state().equals("stopped")) {
                try {
                    return call(clients.ec2(), target, request, false);
                } catch (SdkException e) {
                    throw AwsFailures.translate(e, iamAction(), "instance " + target.id(), clients.settings());
                }
            }
            if (request.context().clock().instant().isAfter(deadline)) {
                throw new ProviderException(ProviderException.Kind.FAILED,
                        "instance " + target.id() + " is still " + now.state() + " after waiting; start it by hand");
            }
            pause(poll);
        }
    }

    private static void pause(Duration d) throws ProviderException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderException.Kind.FAILED, "interrupted while waiting for the instance to stop", e);
        }
    }

    @Override
    ActionEffect call(Ec2Client ec2, Target target, ActionRequest request, boolean dryRun) {
        var r = ec2.startInstances(b -> b.instanceIds(target.id()).dryRun(dryRun));
        return Ec2TerminateAction.StateChanges.effect("started", target, r.startingInstances());
    }
}
