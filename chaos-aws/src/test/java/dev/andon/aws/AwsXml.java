package dev.andon.aws;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Response bodies in the shapes of the AWS API reference: EC2's Query XML (lower-camel names, {@code item}
 * lists, {@code nextToken}), Auto Scaling's and ELBv2's Query XML ({@code <XResult>}, {@code member} lists).
 */
public final class AwsXml {

    private static final String EC2_NS = "http://ec2.amazonaws.com/doc/2016-11-15/";
    private static final String ASG_NS = "http://autoscaling.amazonaws.com/doc/2011-01-01/";
    private static final String ELB_NS = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";

    private AwsXml() {
    }

    private static int stateCode(String state) {
        return switch (state) {
            case "pending" -> 0;
            case "running" -> 16;
            case "shutting-down" -> 32;
            case "terminated" -> 48;
            case "stopping" -> 64;
            case "stopped" -> 80;
            default -> 16;
        };
    }

    public static String describeInstances(List<FakeInstance> instances, String nextToken) {
        StringBuilder b = new StringBuilder();
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DescribeInstancesResponse xmlns=\"").append(EC2_NS).append("\">")
                .append("<requestId>").append(UUID.randomUUID()).append("</requestId><reservationSet>");
        for (FakeInstance i : instances) {
            b.append("<item><reservationId>r-").append(i.id().substring(2)).append("</reservationId><ownerId>123456789012</ownerId><groupSet/>")
                    .append("<instancesSet><item>")
                    .append("<instanceId>").append(i.id()).append("</instanceId>")
                    .append("<imageId>ami-0123456789abcdef0</imageId>")
                    .append("<instanceState><code>").append(stateCode(i.state())).append("</code><name>").append(i.state()).append("</name></instanceState>")
                    .append("<privateDnsName>ip-10-0-0-1.ec2.internal</privateDnsName>")
                    .append("<instanceType>").append(i.type()).append("</instanceType>")
                    .append("<placement><availabilityZone>").append(i.zone()).append("</availabilityZone><groupName/><tenancy>default</tenancy></placement>")
                    .append("<subnetId>subnet-0a1b2c</subnetId><vpcId>vpc-0a1b2c</vpcId>")
                    .append("<tagSet>");
            for (Map.Entry<String, String> t : i.tags().entrySet()) {
                b.append("<item><key>").append(t.getKey()).append("</key><value>").append(t.getValue()).append("</value></item>");
            }
            b.append("</tagSet></item></instancesSet></item>");
        }
        b.append("</reservationSet>");
        if (nextToken != null) {
            b.append("<nextToken>").append(nextToken).append("</nextToken>");
        }
        return b.append("</DescribeInstancesResponse>").toString();
    }

    /** TerminateInstances, StopInstances, StartInstances: {@code <instancesSet>} of state changes. */
    public static String stateChange(String operation, String instanceId, String from, String to) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + operation + "Response xmlns=\"" + EC2_NS + "\"><requestId>" + UUID.randomUUID()
                + "</requestId><instancesSet><item><instanceId>" + instanceId + "</instanceId>"
                + "<currentState><code>" + stateCode(to) + "</code><name>" + to + "</name></currentState>"
                + "<previousState><code>" + stateCode(from) + "</code><name>" + from + "</name></previousState>"
                + "</item></instancesSet></" + operation + "Response>";
    }

    public static String rebootInstances() {
        return "<RebootInstancesResponse xmlns=\"" + EC2_NS + "\"><requestId>" + UUID.randomUUID() + "</requestId><return>true</return></RebootInstancesResponse>";
    }

    public static String terminationProtection(String instanceId, boolean on) {
        return "<DescribeInstanceAttributeResponse xmlns=\"" + EC2_NS + "\"><requestId>" + UUID.randomUUID() + "</requestId><instanceId>" + instanceId
                + "</instanceId><disableApiTermination><value>" + on + "</value></disableApiTermination></DescribeInstanceAttributeResponse>";
    }

    /** A group member as Auto Scaling lists it. */
    public record Member(String instanceId, String zone, String lifecycleState, String health) {
        public static Member inService(String id, String zone) {
            return new Member(id, zone, "InService", "Healthy");
        }
    }

    /** A group as Auto Scaling describes it. */
    public record Group(String name, int desired, List<Member> members, Map<String, String> tags) {
    }

    public static String describeAutoScalingGroups(List<Group> groups, String nextToken) {
        StringBuilder b = new StringBuilder("<DescribeAutoScalingGroupsResponse xmlns=\"" + ASG_NS + "\"><DescribeAutoScalingGroupsResult><AutoScalingGroups>");
        for (Group g : groups) {
            b.append("<member><AutoScalingGroupName>").append(g.name()).append("</AutoScalingGroupName>")
                    .append("<AutoScalingGroupARN>arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:").append(UUID.nameUUIDFromBytes(g.name().getBytes()))
                    .append(":autoScalingGroupName/").append(g.name()).append("</AutoScalingGroupARN>")
                    .append("<MinSize>1</MinSize><MaxSize>").append(g.desired() * 2).append("</MaxSize><DesiredCapacity>").append(g.desired()).append("</DesiredCapacity>")
                    .append("<DefaultCooldown>300</DefaultCooldown><AvailabilityZones><member>us-east-1a</member><member>us-east-1b</member></AvailabilityZones>")
                    .append("<HealthCheckType>EC2</HealthCheckType><HealthCheckGracePeriod>300</HealthCheckGracePeriod>")
                    .append("<CreatedTime>2026-01-05T10:00:00.000Z</CreatedTime><Instances>");
            for (Member m : g.members()) {
                b.append("<member><InstanceId>").append(m.instanceId()).append("</InstanceId><InstanceType>t3.micro</InstanceType>")
                        .append("<AvailabilityZone>").append(m.zone()).append("</AvailabilityZone>")
                        .append("<LifecycleState>").append(m.lifecycleState()).append("</LifecycleState>")
                        .append("<HealthStatus>").append(m.health()).append("</HealthStatus>")
                        .append("<ProtectedFromScaleIn>false</ProtectedFromScaleIn></member>");
            }
            b.append("</Instances><Tags>");
            for (Map.Entry<String, String> t : g.tags().entrySet()) {
                b.append("<member><ResourceId>").append(g.name()).append("</ResourceId><ResourceType>auto-scaling-group</ResourceType>")
                        .append("<Key>").append(t.getKey()).append("</Key><Value>").append(t.getValue()).append("</Value>")
                        .append("<PropagateAtLaunch>false</PropagateAtLaunch></member>");
            }
            b.append("</Tags></member>");
        }
        b.append("</AutoScalingGroups>");
        if (nextToken != null) {
            b.append("<NextToken>").append(nextToken).append("</NextToken>");
        }
        return b.append("</DescribeAutoScalingGroupsResult><ResponseMetadata><RequestId>").append(UUID.randomUUID())
                .append("</RequestId></ResponseMetadata></DescribeAutoScalingGroupsResponse>").toString();
    }

    public static String terminateInstanceInAutoScalingGroup(String group, String instanceId) {
        return "<TerminateInstanceInAutoScalingGroupResponse xmlns=\"" + ASG_NS + "\"><TerminateInstanceInAutoScalingGroupResult><Activity>"
                + "<ActivityId>" + UUID.randomUUID() + "</ActivityId><AutoScalingGroupName>" + group + "</AutoScalingGroupName>"
                + "<Description>Terminating EC2 instance: " + instanceId + "</Description>"
                + "<Cause>At 2026-11-26T12:00:00Z instance " + instanceId + " was taken out of service in response to a user request.</Cause>"
                + "<StartTime>2026-11-26T12:00:00.000Z</StartTime><StatusCode>InProgress</StatusCode><Progress>0</Progress>"
                + "</Activity></TerminateInstanceInAutoScalingGroupResult><ResponseMetadata><RequestId>" + UUID.randomUUID()
                + "</RequestId></ResponseMetadata></TerminateInstanceInAutoScalingGroupResponse>";
    }

    public static String describeTargetHealth(Map<String, String> stateByTarget) {
        StringBuilder b = new StringBuilder("<DescribeTargetHealthResponse xmlns=\"" + ELB_NS + "\"><DescribeTargetHealthResult><TargetHealthDescriptions>");
        stateByTarget.forEach((id, state) -> {
            b.append("<member><HealthCheckPort>80</HealthCheckPort><Target><Port>80</Port><Id>").append(id).append("</Id></Target><TargetHealth><State>")
                    .append(state).append("</State>");
            if (!state.equals("healthy")) {
                b.append("<Reason>Target.FailedHealthChecks</Reason><Description>Health checks failed</Description>");
            }
            b.append("</TargetHealth></member>");
        });
        return b.append("</TargetHealthDescriptions></DescribeTargetHealthResult><ResponseMetadata><RequestId>").append(UUID.randomUUID())
                .append("</RequestId></ResponseMetadata></DescribeTargetHealthResponse>").toString();
    }
}
