package dev.andon.aws.ecs;

import dev.andon.aws.AwsClients;
import dev.andon.aws.AwsFailures;
import dev.andon.aws.AwsSettings;
import dev.andon.aws.TaskIdentity;
import dev.andon.aws.ZoneChoice;
import dev.andon.core.spi.Candidate;
import dev.andon.core.spi.Candidates;
import dev.andon.core.spi.ParamSpec;
import dev.andon.core.spi.ParamType;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.ProviderException;
import dev.andon.core.spi.RunContext;
import dev.andon.core.spi.Target;
import dev.andon.core.spi.TargetProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceField;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskField;

/**
 * {@code aws.ecs.task}: running tasks of a cluster, optionally of some services and one launch type. The
 * group of a task is its service, so {@code perGroup: 1} stops at most one task per service. Opt-in and
 * {@code andon:protected} may be on the task or on its service.
 */
public final class EcsTaskProvider implements TargetProvider {

    public static final String NAME = "aws.ecs.task";
    private static final int LIST_PAGE = 100;
    private static final int DESCRIBE_TASKS_MAX = 100;
    private static final int DESCRIBE_SERVICES_MAX = 10;
    private static final String SERVICE_GROUP_PREFIX = "service:";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "running ECS tasks of a cluster, grouped per service";
    }

    @Override
    public List<ParamSpec> parameters() {
        List<ParamSpec> specs = new ArrayList<>(List.of(
                ParamSpec.required("cluster", ParamType.STRING, "ECS cluster name or ARN"),
                ParamSpec.optional("services", ParamType.STRING_LIST, "service names (default: every task of the cluster)"),
                ParamSpec.optional("launchType", ParamType.STRING, "only tasks of this launch type").oneOf("EC2", "FARGATE", "EXTERNAL")));
        specs.addAll(ZoneChoice.SPECS);
        return specs;
    }

    @Override
    public Candidates candidates(Parameters selector, RunContext context) throws ProviderException {
        AwsClients clients = AwsClients.of(context);
        int callsBefore = clients.apiCalls();
        String cluster = selector.requireString("cluster");
        List<String> services = selector.stringList("services");
        Set<String> arns = new LinkedHashSet<>();
        if (services.isEmpty()) {
            arns.addAll(listTasks(clients, cluster, Optional.empty(), selector.string("launchType")));
        } else {
            for (String service : services) {
                arns.addAll(listTasks(clients, cluster, Optional.of(service), selector.string("launchType")));
            }
        }
        List<Task> tasks = describeTasks(clients, cluster, List.copyOf(arns));
        Map<String, Map<String, String>> serviceTags = describeServiceTags(clients, cluster,
                tasks.stream().map(EcsTaskProvider::serviceOf).flatMap(Optional::stream).distinct().toList());

        boolean requireOptIn = clients.settings().requireOptIn();
        TaskIdentity self = clients.taskIdentity();
        List<Candidate> candidates = new ArrayList<>();
        for (Task task : tasks) {
            if (!"RUNNING".equals(task.lastStatus())) {
                continue;
            }
            Target target = target(task, cluster);
            Map<String, String> svcTags = serviceOf(task).map(serviceTags::get).orElse(Map.of());
            Optional<String> reason = self.is(task.taskArn())
                    ? Optional.of("Andon runs in this task (" + self.how() + ")")
                    : exclusion(target.labels(), svcTags == null ? Map.of() : svcTags, requireOptIn);
            candidates.add(reason
                    .map(r -> Candidate.excluded(target, r))
                    .orElseGet(() -> Candidate.eligible(target)));
        }
        return new Candidates(ZoneChoice.restrict(candidates, selector, context), clients.apiCalls() - callsBefore);
    }

    static Optional<String> exclusion(Map<String, String> taskTags, Map<String, String> serviceTags, boolean requireOptIn) {
        if (taskTags.containsKey(AwsSettings.PROTECTED_TAG)) {
            return Optional.of("the task is tagged " + AwsSettings.PROTECTED_TAG);
        }
        if (serviceTags.containsKey(AwsSettings.PROTECTED_TAG)) {
            return Optional.of("its service is tagged " + AwsSettings.PROTECTED_TAG);
        }
        if (requireOptIn && !optedIn(taskTags) && !optedIn(serviceTags)) {
            return Optional.of("not opted in: tag the task or its service with " + AwsSettings.OPT_IN_TAG + "=true");
        }
        return Optional.empty();
    }

    private static boolean optedIn(Map<String, String> tags) {
        return "true".equalsIgnoreCase(tags.getOrDefault(AwsSettings.OPT_IN_TAG, "").trim());
    }

    private static List<String> listTasks(AwsClients clients, String cluster, Optional<String> service, Optional<String> launchType)
            throws ProviderException {
        List<String> arns = new ArrayList<>();
        String token = null;
        do {
            ListTasksRequest.Builder request = ListTasksRequest.builder()
                    .cluster(cluster).desiredStatus(DesiredStatus.RUNNING).maxResults(LIST_PAGE).nextToken(token);
            service.ifPresent(request::serviceName);
            launchType.ifPresent(request::launchType);
            ListTasksResponse page;
            try {
                page = clients.ecs().listTasks(request.build());
            } catch (SdkException e) {
                throw AwsFailures.translate(e, "ecs:ListTasks", "cluster " + cluster + service.map(s -> " service " + s).orElse(""),
                        clients.settings());
            }
            arns.addAll(page.taskArns());
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return arns;
    }

    private static List<Task> describeTasks(AwsClients clients, String cluster, List<String> arns) throws ProviderException {
        List<Task> tasks = new ArrayList<>();
        for (int from = 0; from < arns.size(); from += DESCRIBE_TASKS_MAX) {
            List<String> chunk = arns.subList(from, Math.min(arns.size(), from + DESCRIBE_TASKS_MAX));
            try {
                tasks.addAll(clients.ecs().describeTasks(b -> b.cluster(cluster).tasks(chunk).include(TaskField.TAGS)).tasks());
            } catch (SdkException e) {
                throw AwsFailures.translate(e, "ecs:DescribeTasks", "cluster " + cluster, clients.settings());
            }
        }
        return tasks;
    }

    private static Map<String, Map<String, String>> describeServiceTags(AwsClients clients, String cluster, List<String> services)
            throws ProviderException {
        Map<String, Map<String, String>> tags = new LinkedHashMap<>();
        for (int from = 0; from < services.size(); from += DESCRIBE_SERVICES_MAX) {
            List<String> chunk = services.subList(from, Math.min(services.size(), from + DESCRIBE_SERVICES_MAX));
            try {
                for (Service s : clients.ecs().describeServices(b -> b.cluster(cluster).services(chunk).include(ServiceField.TAGS)).services()) {
                    tags.put(s.serviceName(), toMap(s.tags()));
                }
            } catch (SdkException e) {
                throw AwsFailures.translate(e, "ecs:DescribeServices", "cluster " + cluster, clients.settings());
            }
        }
        return tags;
    }

    static Optional<String> serviceOf(Task task) {
        String group = task.group();
        return group != null && group.startsWith(SERVICE_GROUP_PREFIX)
                ? Optional.of(group.substring(SERVICE_GROUP_PREFIX.length()))
                : Optional.empty();
    }

    private static Map<String, String> toMap(List<Tag> tags) {
        Map<String, String> m = new TreeMap<>();
        for (Tag t : tags) {
            m.put(t.key(), t.value() == null ? "" : t.value());
        }
        return m;
    }

    private static Target target(Task task, String cluster) {
        String arn = task.taskArn();
        String shortId = arn.substring(arn.lastIndexOf('/') + 1);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("zone", task.availabilityZone() == null ? "" : task.availabilityZone());
        attributes.put("cluster", task.clusterArn() == null ? cluster : task.clusterArn());
        serviceOf(task).ifPresent(s -> attributes.put("service", s));
        attributes.put("launchType", task.launchTypeAsString() == null ? "" : task.launchTypeAsString());
        attributes.put("taskDefinition", task.taskDefinitionArn() == null ? "" : task.taskDefinitionArn());
        String group = serviceOf(task).orElse(task.group() == null ? arn : task.group());
        return new Target(NAME, arn, shortId, group, toMap(task.tags()), attributes);
    }
}
