package dev.andon.aws.ecs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ECS answers in JSON 1.1 with the field names of the ECS API reference. */
public final class EcsJson {

    public static final String ACCOUNT = "123456789012";
    private static final ObjectMapper JSON = new ObjectMapper();

    private EcsJson() {
    }

    public static String taskArn(String cluster, String id) {
        return "arn:aws:ecs:us-east-1:" + ACCOUNT + ":task/" + cluster + "/" + id;
    }

    public static String clusterArn(String cluster) {
        return "arn:aws:ecs:us-east-1:" + ACCOUNT + ":cluster/" + cluster;
    }

    public static Map<String, Object> task(String cluster, String id, String service, String zone, Map<String, String> tags) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("taskArn", taskArn(cluster, id));
        t.put("clusterArn", clusterArn(cluster));
        t.put("taskDefinitionArn", "arn:aws:ecs:us-east-1:" + ACCOUNT + ":task-definition/" + service + ":7");
        t.put("group", "service:" + service);
        t.put("lastStatus", "RUNNING");
        t.put("desiredStatus", "RUNNING");
        t.put("launchType", "FARGATE");
        t.put("availabilityZone", zone);
        t.put("startedBy", "ecs-svc/1234567890123456789");
        t.put("tags", tags(tags));
        return t;
    }

    public static List<Map<String, String>> tags(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> Map.of("key", e.getKey(), "value", e.getValue())).toList();
    }

    public static Map<String, Object> service(String cluster, String name, int desired, int running, Map<String, String> tags) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("serviceArn", "arn:aws:ecs:us-east-1:" + ACCOUNT + ":service/" + cluster + "/" + name);
        s.put("serviceName", name);
        s.put("clusterArn", clusterArn(cluster));
        s.put("status", "ACTIVE");
        s.put("desiredCount", desired);
        s.put("runningCount", running);
        s.put("pendingCount", desired - running);
        s.put("launchType", "FARGATE");
        s.put("tags", tags(tags));
        return s;
    }

    public static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Object> read(String body) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = JSON.readValue(body, Map.class);
            return m;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
