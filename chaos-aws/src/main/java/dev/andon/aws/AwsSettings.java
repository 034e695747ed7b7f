package dev.andon.aws;

import dev.andon.core.spi.ParamSpec;
import dev.andon.core.spi.ParamType;
import dev.andon.core.spi.Parameters;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How Andon reaches AWS in one run: {@code spec.settings.aws} of the experiment, overridden from the
 * command line. Holds no secret: credentials come from the SDK's chain, a profile or an assumed role.
 *
 * @param region            AWS region; empty means the SDK's region chain (AWS_REGION, profile)
 * @param profile           named profile of the shared config and credentials files
 * @param credentialsFile   a credentials file to read the profile from instead of ~/.aws/credentials
 * @param endpoint          endpoint override for every service (compatible endpoints, tests)
 * @param roleArn           role to assume through STS before calling anything
 * @param externalId        external id the role's trust policy asks for
 * @param sessionName       STS session name, visible in CloudTrail
 * @param metadataEndpoint  instance metadata service, asked which instance Andon runs on
 * @param metadataTimeout   how long to wait for it: off EC2 nothing answers, and that must be quick
 * @param taskMetadataEndpoint ECS task metadata (v4), asked which task Andon runs in
 * @param maxAttempts       attempts per API call, retries included (throttling, 5xx)
 * @param retryBaseDelay    base of the exponential backoff between attempts
 * @param requireOptIn      only instances (or their group) tagged {@code andon:enabled=true} may be hit
 * @param stopAlarms        CloudWatch alarms that abort the run the moment one is in ALARM
 * @param stopAlarmInterval how often the stop alarms are read
 */
public record AwsSettings(
        Optional<String> region,
        Optional<String> profile,
        Optional<Path> credentialsFile,
        Optional<URI> endpoint,
        Optional<String> roleArn,
        Optional<String> externalId,
        String sessionName,
        URI metadataEndpoint,
        Duration metadataTimeout,
        Optional<URI> taskMetadataEndpoint,
        int maxAttempts,
        Duration retryBaseDelay,
        boolean requireOptIn,
        List<String> stopAlarms,
        Duration stopAlarmInterval) {

    public static final String OPT_IN_TAG = "andon:enabled";
    public static final String PROTECTED_TAG = "andon:protected";
    public static final String DEFAULT_SESSION_NAME = "andon";
    public static final URI DEFAULT_METADATA_ENDPOINT = URI.create("http://169.254.169.254");
    public static final Duration DEFAULT_METADATA_TIMEOUT = Duration.ofMillis(500);
    public static final int DEFAULT_MAX_ATTEMPTS = 4;
    /** What ECS sets in every container of a task. */
    public static final String TASK_METADATA_ENV = "ECS_CONTAINER_METADATA_URI_V4";
    public static final Duration DEFAULT_RETRY_BASE_DELAY = Duration.ofMillis(200);
    public static final Duration DEFAULT_STOP_ALARM_INTERVAL = Duration.ofSeconds(5);

    /** The keys of {@code spec.settings.aws}. */
    public static final List<ParamSpec> SPECS = List.of(
            ParamSpec.optional("region", ParamType.STRING, "AWS region, e.g. eu-west-1 (default: the SDK's region chain)"),
            ParamSpec.optional("profile", ParamType.STRING, "named profile from the shared AWS config/credentials files"),
            ParamSpec.optional("credentialsFile", ParamType.STRING, "credentials file to read the profile from (default ~/.aws/credentials)"),
            ParamSpec.optional("endpoint", ParamType.STRING, "endpoint override for every AWS service (compatible endpoints, tests)"),
            ParamSpec.optional("roleArn", ParamType.STRING, "IAM role to assume through STS"),
            ParamSpec.optional("externalId", ParamType.STRING, "external id required by the role's trust policy").asSecret(),
            ParamSpec.withDefault("sessionName", ParamType.STRING, DEFAULT_SESSION_NAME, "STS session name, shown in CloudTrail"),
            ParamSpec.withDefault("metadataEndpoint", ParamType.STRING, DEFAULT_METADATA_ENDPOINT.toString(),
                    "instance metadata endpoint used to recognise the instance Andon runs on"),
            ParamSpec.withDefault("metadataTimeout", ParamType.DURATION, DEFAULT_METADATA_TIMEOUT,
                    "how long to wait for the instance metadata endpoint"),
            ParamSpec.optional("taskMetadataEndpoint", ParamType.STRING,
                    "ECS task metadata endpoint (v4) used to recognise the task Andon runs in (default: $" + TASK_METADATA_ENV + ")"),
            ParamSpec.withDefault("maxAttempts", ParamType.INTEGER, (long) DEFAULT_MAX_ATTEMPTS,
                    "attempts per AWS call, retries with backoff included"),
            ParamSpec.withDefault("retryBaseDelay", ParamType.DURATION, DEFAULT_RETRY_BASE_DELAY,
                    "base delay of the exponential backoff between attempts"),
            ParamSpec.withDefault("requireOptIn", ParamType.BOOLEAN, true,
                    "only hit instances and tasks tagged " + OPT_IN_TAG + "=true (for group members and tasks, or whose group or service is)"),
            ParamSpec.optional("stopAlarms", ParamType.STRING_LIST,
                    "CloudWatch alarms that abort the run as soon as one is in ALARM (stop conditions)"),
            ParamSpec.withDefault("stopAlarmInterval", ParamType.DURATION, DEFAULT_STOP_ALARM_INTERVAL,
                    "how often the stop alarms are read"));

    public AwsSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, but was " + maxAttempts);
        }
        stopAlarms = List.copyOf(stopAlarms);
    }

    /** Reads validated settings; the loader has already checked types and filled defaults. */
    public static AwsSettings from(Parameters p) {
        return new AwsSettings(
                p.string("region").filter(s -> !s.isBlank()),
                p.string("profile").filter(s -> !s.isBlank()),
                p.string("credentialsFile").filter(s -> !s.isBlank()).map(Path::of),
                p.string("endpoint").filter(s -> !s.isBlank()).map(URI::create),
                p.string("roleArn").filter(s -> !s.isBlank()),
                p.string("externalId").filter(s -> !s.isBlank()),
                p.string("sessionName").orElse(DEFAULT_SESSION_NAME),
                p.string("metadataEndpoint").map(URI::create).orElse(DEFAULT_METADATA_ENDPOINT),
                p.duration("metadataTimeout").orElse(DEFAULT_METADATA_TIMEOUT),
                p.string("taskMetadataEndpoint").filter(s -> !s.isBlank())
                        .or(() -> Optional.ofNullable(System.getenv(TASK_METADATA_ENV)).filter(s -> !s.isBlank()))
                        .map(URI::create),
                p.integer("maxAttempts").map(Long::intValue).orElse(DEFAULT_MAX_ATTEMPTS),
                p.duration("retryBaseDelay").orElse(DEFAULT_RETRY_BASE_DELAY),
                p.bool("requireOptIn").orElse(true),
                p.stringList("stopAlarms"),
                p.duration("stopAlarmInterval").orElse(DEFAULT_STOP_ALARM_INTERVAL));
    }

    /**
     * These settings pointed at another account or region: the connection an undo was planned with, so that
     * it reaches the same instance when run by a later process after a crash.
     */
    public AwsSettings withConnection(Optional<String> region, Optional<URI> endpoint, Optional<String> profile,
            Optional<Path> credentialsFile, Optional<String> roleArn) {
        return new AwsSettings(region.or(() -> this.region), profile.or(() -> this.profile), credentialsFile.or(() -> this.credentialsFile),
                endpoint.or(() -> this.endpoint), roleArn.or(() -> this.roleArn), externalId, sessionName,
                metadataEndpoint, metadataTimeout, taskMetadataEndpoint, maxAttempts, retryBaseDelay, requireOptIn, stopAlarms, stopAlarmInterval);
    }

    /** Where to report a problem: the region (or "the default region") and the endpoint when overridden. */
    public String where() {
        return "region " + region.orElse("(SDK default)") + endpoint.map(e -> " at " + e).orElse("");
    }
}
