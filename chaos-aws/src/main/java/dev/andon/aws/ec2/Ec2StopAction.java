package dev.andon.aws.ec2;

import dev.andon.aws.AwsClients;
import dev.andon.core.spi.ActionEffect;
import dev.andon.core.spi.ActionRequest;
import dev.andon.core.spi.Compensation;
import dev.andon.core.spi.ParamSpec;
import dev.andon.core.spi.ParamType;
import dev.andon.core.spi.ProviderException;
import dev.andon.core.spi.Target;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** {@code aws.ec2.stop}: stops the instance; the undo starts it again ({@code aws.ec2.start}). */
public final class Ec2StopAction extends Ec2InstanceAction {

    public static final String NAME = "aws.ec2.stop";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "stop the EC2 instance; undone by starting it again";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.withDefault("force", ParamType.BOOLEAN, false, "stop without a graceful OS shutdown"),
                ParamSpec.withDefault("pollInterval", ParamType.DURATION, Ec2StartAction.DEFAULT_POLL_INTERVAL,
                        "how often the undo checks whether the instance has stopped before starting it"));
    }

    @Override
    String iamAction() {
        return "ec2:StopInstances";
    }

    @Override
    String verb() {
        return "stop";
    }

    @Override
    public Optional<Compensation> plannedUndo(ActionRequest request) throws ProviderException {
        Target target = request.requireTarget();
        Map<String, Object> params = new LinkedHashMap<>(Ec2StartAction.pinnedConnection(AwsClients.of(request.context())));
        request.parameters().duration("pollInterval").ifPresent(d -> params.put("pollInterval", d.toMillis() + "ms"));
        return Optional.of(new Compensation(Ec2StartAction.NAME, Optional.of(target), params,
                "start " + target.id() + " (" + target.name() + ") again in " + params.get("region")));
    }

    @Override
    ActionEffect call(Ec2Client ec2, Target target, ActionRequest request, boolean dryRun) {
        boolean force = request.parameters().flag("force");
        var r = ec2.stopInstances(b -> b.instanceIds(target.id()).force(force).dryRun(dryRun));
        return Ec2TerminateAction.StateChanges.effect("stopped", target, r.stoppingInstances());
    }
}
