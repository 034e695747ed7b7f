package dev.andon.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The ECS task Andon runs in, if any, so that it never stops itself: read from the task metadata
 * endpoint (v4) that ECS passes to every container as {@code ECS_CONTAINER_METADATA_URI_V4}.
 *
 * @param taskArn the task's ARN, empty when not in an ECS task
 * @param how     how it was found out, or why not
 */
public record TaskIdentity(Optional<String> taskArn, String how) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean is(String arn) {
        return taskArn.filter(arn::equals).isPresent();
    }

    public static TaskIdentity lookUp(Optional<URI> endpoint, Duration timeout) {
        if (endpoint.isEmpty()) {
            return new TaskIdentity(Optional.empty(), "not in an ECS task (no task metadata endpoint)");
        }
        URI task = URI.create(endpoint.get().toString().replaceAll("/+$", "") + "/task");
        try {
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(timeout).build().send(
                    HttpRequest.newBuilder(task).timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode arn = r.statusCode() == 200 ? JSON.readTree(r.body()).path("TaskARN") : null;
            if (arn == null || !arn.isTextual()) {
                return new TaskIdentity(Optional.empty(), "task metadata at " + task + " has no TaskARN (HTTP " + r.statusCode() + ")");
            }
            return new TaskIdentity(Optional.of(arn.asText()), "task metadata at " + task);
        } catch (IOException e) {
            return new TaskIdentity(Optional.empty(), "task metadata at " + task + " did not answer within " + timeout.toMillis() + "ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TaskIdentity(Optional.empty(), "interrupted while asking task metadata");
        }
    }
}
