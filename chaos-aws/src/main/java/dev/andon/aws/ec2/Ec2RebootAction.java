package dev.andon.aws.ec2;

import dev.andon.core.spi.ActionEffect;
import dev.andon.core.spi.ActionRequest;
import dev.andon.core.spi.Target;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** {@code aws.ec2.reboot}: reboots the instance; it comes back by itself, so there is nothing to undo. */
public final class Ec2RebootAction extends Ec2InstanceAction {

    @Override
    public String name() {
        return "aws.ec2.reboot";
    }

    @Override
    public String description() {
        return "reboot the EC2 instance";
    }

    @Override
    String iamAction() {
        return "ec2:RebootInstances";
    }

    @Override
    String verb() {
        return "reboot";
    }

    @Override
    ActionEffect call(Ec2Client ec2, Target target, ActionRequest request, boolean dryRun) {
        ec2.rebootInstances(b -> b.instanceIds(target.id()).dryRun(dryRun));
        return ActionEffect.of("rebooted " + target.id() + " (" + target.name() + ")");
    }
}
