package dev.andon.aws.ec2;

import dev.andon.aws.AwsClients;
import dev.andon.aws.AwsFailures;
import dev.andon.aws.asg.AsgInstanceProvider;
import dev.andon.core.spi.Action;
import dev.andon.core.spi.ActionEffect;
import dev.andon.core.spi.ActionRequest;
import dev.andon.core.spi.ParamSpec;
import dev.andon.core.spi.ProviderException;
import dev.andon.core.spi.Target;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * An EC2 call on one instance. A dry run makes the same call with {@code DryRun=true}: EC2 answers
 * {@code DryRunOperation} when the caller holds the permission, which proves it without acting.
 */
abstract class Ec2InstanceAction implements Action {

    static final String DRY_RUN_OPERATION = "DryRunOperation";

    /** The IAM action of the call, e.g. {@code ec2:TerminateInstances}. */
    abstract String iamAction();

    /** Makes the call; {@code dryRun} is passed to EC2 as is. */
    abstract ActionEffect call(Ec2Client ec2, Target target, ActionRequest request, boolean dryRun);

    @Override
    public Set<String> targetProviders() {
        return Set.of(Ec2InstanceProvider.NAME, AsgInstanceProvider.NAME);
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
            return call(clients.ec2(), target, request, false);
        } catch (SdkException e) {
            throw AwsFailures.translate(e, iamAction(), "instance " + target.id(), clients.settings());
        }
    }

    @Override
    public ActionEffect rehearse(ActionRequest request) throws ProviderException {
        Target target = request.requireTarget();
        AwsClients clients = AwsClients.of(request.context());
        try {
            call(clients.ec2(), target, request, true);
        } catch (AwsServiceException e) {
            if (e.awsErrorDetails() != null && DRY_RUN_OPERATION.equals(e.awsErrorDetails().errorCode())) {
                return new ActionEffect("would " + verb() + " " + target.id() + " (" + target.name() + "): EC2 DryRun proved "
                        + iamAction() + " is allowed", java.util.Map.of("dryRun", "DryRunOperation", "iamAction", iamAction()));
            }
            throw AwsFailures.translate(e, iamAction(), "instance " + target.id(), clients.settings());
        } catch (SdkException e) {
            throw AwsFailures.translate(e, iamAction(), "instance " + target.id(), clients.settings());
        }
        // EC2 always refuses a DryRun call; an endpoint that acted on it is not one to experiment against.
        throw new ProviderException(ProviderException.Kind.FAILED,
                "the endpoint answered " + iamAction() + " with DryRun=true as if it had acted on " + target.id()
                        + "; it does not honour EC2 dry runs");
    }

    /** "terminate", "stop", "reboot", "start". */
    abstract String verb();
}
