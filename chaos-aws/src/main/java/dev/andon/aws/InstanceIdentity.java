package dev.andon.aws;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The EC2 instance Andon runs on, if any, so that it is never a target. Asked from the instance metadata
 * service (IMDSv2: a session token first, then the instance id) with a short timeout: off EC2 nothing
 * answers, and an experiment run from a laptop must not wait for it.
 *
 * @param instanceId the instance id, empty when not on EC2 (or the metadata service is off)
 * @param how        how it was found out, for {@code andon targets}: "instance metadata", or why not
 */
public record InstanceIdentity(Optional<String> instanceId, String how) {

    private static final String TOKEN_TTL_SECONDS = "60";

    public boolean is(String id) {
        return instanceId.filter(id::equals).isPresent();
    }

    public static InstanceIdentity lookUp(URI endpoint, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        try {
            HttpResponse<String> token = http.send(
                    HttpRequest.newBuilder(endpoint.resolve("/latest/api/token"))
                            .timeout(timeout)
                            .header("X-aws-ec2-metadata-token-ttl-seconds", TOKEN_TTL_SECONDS)
                            .PUT(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (token.statusCode() != 200) {
                return new InstanceIdentity(Optional.empty(), "instance metadata refused a token (HTTP " + token.statusCode() + ")");
            }
            HttpResponse<String> id = http.send(
                    HttpRequest.newBuilder(endpoint.resolve("/latest/meta-data/instance-id"))
                            .timeout(timeout)
                            .header("X-aws-ec2-metadata-token", token.body())
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (id.statusCode() != 200 || id.body().isBlank()) {
                return new InstanceIdentity(Optional.empty(), "instance metadata has no instance id (HTTP " + id.statusCode() + ")");
            }
            return new InstanceIdentity(Optional.of(id.body().trim()), "instance metadata at " + endpoint);
        } catch (IOException e) {
            return new InstanceIdentity(Optional.empty(), "not on EC2 (no instance metadata at " + endpoint + " within " + timeout.toMillis() + "ms)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new InstanceIdentity(Optional.empty(), "interrupted while asking instance metadata");
        }
    }
}
