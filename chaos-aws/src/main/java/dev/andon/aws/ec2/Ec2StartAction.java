package dev.andon.aws.ec2;

import dev.andon.aws.AwsClients;
import dev.andon.core.spi.ActionEffect;
import dev.andon.core.spi.ActionRequest;
import dev.andon.core.spi.ParamSpec;
import dev.andon.core.spi.ParamType;
import dev.andon.core.spi.ProviderException;
import dev.andon.core.spi.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.withDefault("pollInterval", ParamType.DURATION, DEFAULT_POLL_INTERVAL, "how often to check the instance's state"),
                ParamSpec.withDefault("waitForStopped", ParamType.DURATION, DEFAULT_WAIT, "how long to wait for a stopping instance"));
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
        Target target = request.requireTarget();
        AwsClients clients = AwsClients.of(request.context());
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
                return super.apply(request);
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
