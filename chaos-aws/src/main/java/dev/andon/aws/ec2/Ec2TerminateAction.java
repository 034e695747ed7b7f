package dev.andon.aws.ec2;

import dev.andon.core.spi.ActionEffect;
import dev.andon.core.spi.ActionRequest;
import dev.andon.core.spi.Target;
import java.util.Map;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceStateChange;
import software.amazon.awssdk.services.ec2.model.TerminateInstancesResponse;

/** {@code aws.ec2.terminate}: terminates the instance; cannot be undone. */
public final class Ec2TerminateAction extends Ec2InstanceAction {

    @Override
    public String name() {
        return "aws.ec2.terminate";
    }

    @Override
    public String description() {
        return "terminate the EC2 instance (no undo; an Auto Scaling group replaces it)";
    }

    @Override
    String iamAction() {
        return "ec2:TerminateInstances";
    }

    @Override
    String verb() {
        return "terminate";
    }

    @Override
    ActionEffect call(Ec2Client ec2, Target target, ActionRequest request, boolean dryRun) {
        TerminateInstancesResponse r = ec2.terminateInstances(b -> b.instanceIds(target.id()).dryRun(dryRun));
        return StateChanges.effect("terminated", target, r.terminatingInstances());
    }

    /** Turns EC2's state change list into an effect. */
    static final class StateChanges {
        private StateChanges() {
        }

        static ActionEffect effect(String done, Target target, java.util.List<InstanceStateChange> changes) {
            String from = "";
            String to = "";
            for (InstanceStateChange c : changes) {
                if (target.id().equals(c.instanceId())) {
                    from = c.previousState() == null ? "" : c.previousState().nameAsString();
                    to = c.currentState() == null ? "" : c.currentState().nameAsString();
                }
            }
            return new ActionEffect(done + " " + target.id() + " (" + target.name() + ")" + (from.isEmpty() ? "" : ": " + from + " -> " + to),
                    Map.of("previousState", from, "currentState", to, "zone", String.valueOf(target.attribute("zone"))));
        }
    }
}
