package dev.andon.aws;

import dev.andon.aws.asg.AsgHealthyProbe;
import dev.andon.aws.asg.AsgInstanceProvider;
import dev.andon.aws.asg.AsgTerminateInstanceAction;
import dev.andon.aws.cloudwatch.AlarmStopCondition;
import dev.andon.aws.cloudwatch.CloudWatchAlarmProbe;
import dev.andon.aws.ec2.Ec2InstanceProvider;
import dev.andon.aws.ec2.Ec2RebootAction;
import dev.andon.aws.ec2.Ec2StartAction;
import dev.andon.aws.ec2.Ec2StopAction;
import dev.andon.aws.ec2.Ec2TerminateAction;
import dev.andon.aws.ecs.EcsServiceSteadyProbe;
import dev.andon.aws.ecs.EcsStopTaskAction;
import dev.andon.aws.ecs.EcsTaskProvider;
import dev.andon.aws.elb.TargetGroupHealthProbe;
import dev.andon.core.spi.Action;
import dev.andon.core.spi.AndonPlugin;
import dev.andon.core.spi.ParamSpec;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.Probe;
import dev.andon.core.spi.StopCondition;
import dev.andon.core.spi.TargetProvider;
import java.time.Clock;
import java.util.List;

/**
 * AWS targets, actions and probes: EC2 instances, Auto Scaling group members and ECS tasks; terminate, stop,
 * reboot, AZ outage; group health, load balancer target health, CloudWatch alarms and ECS service steadiness.
 * Settings under {@code spec.settings.aws} are described by {@link AwsSettings}.
 */
public final class AwsPlugin implements AndonPlugin {

    @Override
    public String name() {
        return "aws";
    }

    @Override
    public List<ParamSpec> settings() {
        return AwsSettings.SPECS;
    }

    @Override
    public List<TargetProvider> targetProviders() {
        return List.of(new Ec2InstanceProvider(), new AsgInstanceProvider(), new EcsTaskProvider());
    }

    @Override
    public List<Action> actions() {
        return List.of(
                new Ec2TerminateAction(),
                new Ec2StopAction(),
                new Ec2StartAction(),
                new Ec2RebootAction(),
                new AsgTerminateInstanceAction(),
                new EcsStopTaskAction(),
                new AzOutageAction());
    }

    @Override
    public List<StopCondition> stopConditions(Parameters settings, Clock clock) {
        return AlarmStopCondition.fromSettings(settings, clock).<List<StopCondition>>map(List::of).orElse(List.of());
    }

    @Override
    public List<Probe> probes() {
        return List.of(new AsgHealthyProbe(), new TargetGroupHealthProbe(), new CloudWatchAlarmProbe(), new EcsServiceSteadyProbe());
    }
}
