package dev.andon.aws.ecs;

import dev.andon.aws.AwsClients;
import dev.andon.aws.AwsFailures;
import dev.andon.core.spi.Action;
import dev.andon.core.spi.ActionEffect;
import dev.andon.core.spi.ActionRequest;
import dev.andon.core.spi.ParamSpec;
import dev.andon.core.spi.ProviderException;
import dev.andon.core.spi.Target;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code aws.ecs.stop-task}: stops a task with a reason naming the run, visible in the ECS console as
 * the task's stopped reason; the service starts a replacement.
 */
public final class EcsStopTaskAction implements Action {

    public static final String NAME = "aws.ecs.stop-task";
    static final String IAM_ACTION = "ecs:StopTask";
    /** ECS truncates stopped reasons beyond this. */
    private static final int MAX_REASON = 255;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "stop an ECS task (its service replaces it); the reason names the Andon run";
    }

    @Override
    public Set<String> targetProviders() {
        return Set.of(EcsTaskProvider.NAME);
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of();
    }

    static String reason(ActionRequest request) {
        String reason = "Andon run " + request.context().runId() + " (experiment " + request.context().experimentName() + ")";
        return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
    }

    @Override
    public ActionEffect apply(ActionRequest request) throws ProviderException {
        Target target = request.requireTarget();
        AwsClients clients = AwsClients.of(request.context());
        String cluster = target.attribute("cluster");
        try {
            var task = clients.ecs().stopTask(b -> b.cluster(cluster).task(target.id()).reason(reason(request))).task();
            String status = task == null ? "" : String.valueOf(task.desiredStatus());
            return new ActionEffect("stopped task " + target.name() + " of " + target.group(),
                    Map.of("cluster", cluster, "desiredStatus", status, "reason", reason(request)));
        } catch (SdkException e) {
            throw AwsFailures.translate(e, IAM_ACTION, "task " + target.id(), clients.settings());
        }
    }

    @Override
    public ActionEffect rehearse(ActionRequest request) {
        Target target = request.requireTarget();
        // ECS has no DryRun flag: the permission can only be checked by acting.
        return new ActionEffect("would stop task " + target.name() + " of " + target.group() + " with reason \"" + reason(request)
                + "\" (ECS has no dry run: " + IAM_ACTION + " not proven)", Map.of("iamAction", IAM_ACTION));
    }
}
