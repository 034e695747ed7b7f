package dev.andon.aws.asg;

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
import software.amazon.awssdk.services.autoscaling.model.Activity;

/**
 * {@code aws.asg.terminate-instance}: terminates a group member through Auto Scaling without decrementing
 * the desired capacity, so the group launches a replacement; that replacement is the recovery measured.
 */
public final class AsgTerminateInstanceAction implements Action {

    public static final String NAME = "aws.asg.terminate-instance";
    static final String IAM_ACTION = "autoscaling:TerminateInstanceInAutoScalingGroup";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "terminate an Auto Scaling group member, keeping the desired capacity so the group replaces it";
    }

    @Override
    public Set<String> targetProviders() {
        return Set.of(AsgInstanceProvider.NAME);
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of();
    }

    @Override
    public ActionEffect apply(ActionRequest request) throws ProviderException {
        Target target = request.requireTarget();
        AwsClients clients = AwsClients.of(request.context());
        try {
            Activity activity = clients.autoScaling().terminateInstanceInAutoScalingGroup(b -> b
                    .instanceId(target.id()).shouldDecrementDesiredCapacity(false)).activity();
            String activityId = activity == null ? "" : String.valueOf(activity.activityId());
            return new ActionEffect("terminated " + target.id() + " (" + target.name() + ") in group " + target.group()
                    + "; the group will replace it", Map.of("autoScalingGroup", target.group(), "activityId", activityId,
                    "zone", String.valueOf(target.attribute("zone"))));
        } catch (SdkException e) {
            throw AwsFailures.translate(e, IAM_ACTION, "instance " + target.id() + " of group " + target.group(), clients.settings());
        }
    }

    @Override
    public ActionEffect rehearse(ActionRequest request) {
        Target target = request.requireTarget();
        // Auto Scaling has no DryRun flag: the permission can only be checked by acting.
        return new ActionEffect("would terminate " + target.id() + " (" + target.name() + ") in group " + target.group()
                + " keeping its desired capacity (Auto Scaling has no dry run: " + IAM_ACTION + " not proven)",
                Map.of("iamAction", IAM_ACTION));
    }
}
