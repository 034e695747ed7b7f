package dev.andon.aws;

import dev.andon.aws.asg.AsgInstanceProvider;
import dev.andon.aws.asg.AsgTerminateInstanceAction;
import dev.andon.aws.ec2.Ec2InstanceProvider;
import dev.andon.aws.ec2.Ec2StopAction;
import dev.andon.aws.ec2.Ec2TerminateAction;
import dev.andon.aws.ecs.EcsStopTaskAction;
import dev.andon.aws.ecs.EcsTaskProvider;
import dev.andon.core.spi.Action;
import dev.andon.core.spi.ActionEffect;
import dev.andon.core.spi.ActionRequest;
import dev.andon.core.spi.Compensation;
import dev.andon.core.spi.ParamSpec;
import dev.andon.core.spi.ParamType;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.ProviderException;
import dev.andon.core.spi.Target;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code aws.az.outage} (Chaos Gorilla): stops or terminates every selected target, meant for target sets
 * in AZ mode ({@code zone: random} or a named zone) so that one availability zone goes dark. Instances
 * are stopped (undo: started again) or terminated (group members through Auto Scaling, so the group
 * replaces them); ECS tasks are stopped either way.
 */
public final class AzOutageAction implements Action {

    public static final String STOP = "stop";
    public static final String TERMINATE = "terminate";

    private final Ec2StopAction stop = new Ec2StopAction();
    private final Ec2TerminateAction terminate = new Ec2TerminateAction();
    private final AsgTerminateInstanceAction asgTerminate = new AsgTerminateInstanceAction();
    private final EcsStopTaskAction stopTask = new EcsStopTaskAction();

    @Override
    public String name() {
        return "aws.az.outage";
    }

    @Override
    public String description() {
        return "stop (undone by a start) or terminate every selected target of an availability zone";
    }

    @Override
    public Set<String> targetProviders() {
        return Set.of(Ec2InstanceProvider.NAME, AsgInstanceProvider.NAME, EcsTaskProvider.NAME);
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.withDefault("mode", ParamType.STRING, STOP,
                "stop instances (started again by the rollback) or terminate them").oneOf(STOP, TERMINATE));
    }

    private Action delegate(ActionRequest request) {
        Target target = request.requireTarget();
        boolean terminating = TERMINATE.equals(request.parameters().string("mode").orElse(STOP));
        return switch (target.provider()) {
            case EcsTaskProvider.NAME -> stopTask;
            case AsgInstanceProvider.NAME -> terminating ? asgTerminate : stop;
            default -> terminating ? terminate : stop;
        };
    }

    private ActionRequest delegated(ActionRequest request) {
        return new ActionRequest(request.target(), Parameters.empty(), request.context());
    }

    @Override
    public Optional<Compensation> plannedUndo(ActionRequest request) throws ProviderException {
        return delegate(request).plannedUndo(delegated(request));
    }

    @Override
    public ActionEffect apply(ActionRequest request) throws ProviderException {
        return delegate(request).apply(delegated(request));
    }

    @Override
    public ActionEffect rehearse(ActionRequest request) throws ProviderException {
        return delegate(request).rehearse(delegated(request));
    }
}
