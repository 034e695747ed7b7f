package dev.andon.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * WireMock standing in for AWS on loopback: every service shares one endpoint, told apart the way AWS
 * tells them apart on the wire (Query: the {@code Action} form field; JSON 1.1: {@code X-Amz-Target};
 * Smithy RPC v2 CBOR: the URL path). The instance metadata service is on the same server.
 */
public final class FakeAws implements AutoCloseable {

    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY = "AKIDANDONTEST0000000";
    private static final String SECRET_KEY = "andon-fake-secret-key-used-only-against-wiremock";

    private final WireMockServer server;
    private final Path credentials;

    public FakeAws(com.github.tomakehurst.wiremock.extension.Extension... extensions) {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1").extensions(extensions));
        server.start();
        // Off EC2 the metadata service refuses: answer so explicitly rather than with WireMock's near-miss report.
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.put(urlEqualTo("/latest/api/token")).atPriority(10)
                .willReturn(aResponse().withStatus(404)));
        try {
            credentials = Files.createTempFile("andon-aws-credentials", ".ini");
            Files.writeString(credentials, "[default]\naws_access_key_id = " + ACCESS_KEY + "\naws_secret_access_key = " + SECRET_KEY + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WireMockServer server() {
        return server;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.port();
    }

    public Path credentialsFile() {
        return credentials;
    }

    /** Settings pointing every client, and the instance metadata lookup, at this server with fake credentials. */
    public Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("region", REGION);
        s.put("endpoint", endpoint());
        s.put("credentialsFile", credentials.toString());
        s.put("metadataEndpoint", endpoint());
        s.put("metadataTimeout", java.time.Duration.ofMillis(500));
        s.put("maxAttempts", 3L);
        s.put("retryBaseDelay", java.time.Duration.ofMillis(5));
        return s;
    }

    public TestRun run() {
        return run(settings(), false);
    }

    public TestRun run(Map<String, Object> settings, boolean dryRun) {
        return new TestRun("run-" + UUID.randomUUID().toString().substring(0, 8), settings, dryRun, Clock.systemUTC());
    }

    /** A Query-protocol call (EC2, Auto Scaling, ELBv2, STS) by its Action. */
    public static MappingBuilder query(String action) {
        return post(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&"));
    }

    /** A JSON 1.1 call to ECS by its operation. */
    public static MappingBuilder ecs(String operation) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonEC2ContainerServiceV20141113." + operation));
    }

    /** A Smithy RPC v2 CBOR call to CloudWatch by its operation. */
    public static MappingBuilder cloudWatch(String operation) {
        return post(urlEqualTo("/service/GraniteServiceVersion20100801/operation/" + operation));
    }

    public static ResponseDefinitionBuilder xml(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml;charset=UTF-8").withBody(body);
    }

    public static ResponseDefinitionBuilder ecsJson(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body);
    }

    /** EC2's error shape: {@code <Response><Errors><Error>}. */
    public static ResponseDefinitionBuilder ec2Error(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml;charset=UTF-8").withBody(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>" + code + "</Code><Message>" + message
                        + "</Message></Error></Errors><RequestID>" + UUID.randomUUID() + "</RequestID></Response>");
    }

    /** The Query error shape of Auto Scaling, ELBv2 and STS: {@code <ErrorResponse><Error>}. */
    public static ResponseDefinitionBuilder queryError(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(
                "<ErrorResponse xmlns=\"http://autoscaling.amazonaws.com/doc/2011-01-01/\"><Error><Type>Sender</Type><Code>" + code
                        + "</Code><Message>" + message + "</Message></Error><RequestId>" + UUID.randomUUID() + "</RequestId></ErrorResponse>");
    }

    public static ResponseDefinitionBuilder ecsError(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}");
    }

    /** Requests whose form body holds the Query action. */
    public List<LoggedRequest> queryCalls(String action) {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/"))
                .withRequestBody(containing("Action=" + action + "&")));
    }

    public List<LoggedRequest> ecsCalls(String operation) {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonEC2ContainerServiceV20141113." + operation)));
    }

    /** Decoded form fields of a Query request. */
    public static Map<String, String> form(LoggedRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            String k = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
            fields.put(k, v);
        }
        return fields;
    }

    @Override
    public void close() {
        server.stop();
        try {
            Files.deleteIfExists(credentials);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
