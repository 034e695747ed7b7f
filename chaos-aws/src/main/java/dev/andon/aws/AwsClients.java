package dev.andon.aws;

import dev.andon.core.spi.ProviderException;
import dev.andon.core.spi.RunContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The AWS clients of one run, built on first use from {@link AwsSettings} and closed when the run ends.
 * They share one HTTP client, one credentials provider (an assumed role is assumed once) and one counter
 * of API calls, which the providers report as {@code apiCalls}.
 */
public final class AwsClients implements AutoCloseable {

    private static final java.time.Duration MAX_BACKOFF = java.time.Duration.ofSeconds(20);

    private final AwsSettings settings;
    private final AtomicInteger apiCalls = new AtomicInteger();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private SdkHttpClient http;
    private Region region;
    private AwsCredentialsProvider credentials;
    private Ec2Client ec2;
    private AutoScalingClient autoScaling;
    private EcsClient ecs;
    private ElasticLoadBalancingV2Client elbv2;
    private CloudWatchClient cloudWatch;
    private InstanceIdentity identity;
    private TaskIdentity taskIdentity;

    public AwsClients(AwsSettings settings) {
        this.settings = settings;
    }

    /** The run's clients, built from the run's {@code aws} settings on first use. */
    public static AwsClients of(RunContext context) {
        return context.shared(AwsClients.class, () -> new AwsClients(AwsSettings.from(context.settings("aws"))));
    }

    public AwsSettings settings() {
        return settings;
    }

    /** AWS API calls made so far by these clients (each retry attempt is not counted, each call is). */
    public int apiCalls() {
        return apiCalls.get();
    }

    public synchronized Ec2Client ec2() throws ProviderException {
        if (ec2 == null) {
            ec2 = configure(Ec2Client.builder());
        }
        return ec2;
    }

    public synchronized AutoScalingClient autoScaling() throws ProviderException {
        if (autoScaling == null) {
            autoScaling = configure(AutoScalingClient.builder());
        }
        return autoScaling;
    }

    public synchronized EcsClient ecs() throws ProviderException {
        if (ecs == null) {
            ecs = configure(EcsClient.builder());
        }
        return ecs;
    }

    public synchronized ElasticLoadBalancingV2Client elbv2() throws ProviderException {
        if (elbv2 == null) {
            elbv2 = configure(ElasticLoadBalancingV2Client.builder());
        }
        return elbv2;
    }

    public synchronized CloudWatchClient cloudWatch() throws ProviderException {
        if (cloudWatch == null) {
            cloudWatch = configure(CloudWatchClient.builder());
        }
        return cloudWatch;
    }

    /** The instance Andon runs on, asked once per run from the instance metadata service. */
    public synchronized InstanceIdentity identity() {
        if (identity == null) {
            identity = InstanceIdentity.lookUp(settings.metadataEndpoint(), settings.metadataTimeout());
        }
        return identity;
    }

    /** The ECS task Andon runs in, asked once per run from the task metadata endpoint when there is one. */
    public synchronized TaskIdentity taskIdentity() {
        if (taskIdentity == null) {
            taskIdentity = TaskIdentity.lookUp(settings.taskMetadataEndpoint(), settings.metadataTimeout());
        }
        return taskIdentity;
    }

    public String region() throws ProviderException {
        return resolveRegion().id();
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkAutoCloseable> C configure(B builder)
            throws ProviderException {
        builder.httpClient(httpClient())
                .region(resolveRegion())
                .credentialsProvider(credentials())
                .overrideConfiguration(o -> o.retryStrategy(retryStrategy()).addExecutionInterceptor(new CallCounter(apiCalls)));
        settings.endpoint().ifPresent(builder::endpointOverride);
        C client = builder.build();
        toClose.add(client);
        return client;
    }

    private RetryStrategy retryStrategy() {
        BackoffStrategy backoff = BackoffStrategy.exponentialDelay(settings.retryBaseDelay(), MAX_BACKOFF);
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(settings.maxAttempts())
                .backoffStrategy(backoff)
                .throttlingBackoffStrategy(backoff)
                // The circuit breaker would fail calls fast after a burst of throttling; Andon makes few calls
                // and prefers each one to get all its attempts.
                .circuitBreakerEnabled(false)
                .build();
    }

    private SdkHttpClient httpClient() {
        if (http == null) {
            http = UrlConnectionHttpClient.builder()
                    .connectionTimeout(java.time.Duration.ofSeconds(5))
                    .socketTimeout(java.time.Duration.ofSeconds(30))
                    .build();
            toClose.add(http);
        }
        return http;
    }

    private Region resolveRegion() throws ProviderException {
        if (region == null) {
            if (settings.region().isPresent()) {
                region = Region.of(settings.region().get());
            } else {
                try {
                    region = DefaultAwsRegionProviderChain.builder().build().getRegion();
                } catch (SdkClientException e) {
                    throw new ProviderException(ProviderException.Kind.UNAVAILABLE,
                            "no AWS region: set spec.settings.aws.region (or --set aws.region=eu-west-1, or AWS_REGION)", e);
                }
            }
        }
        return region;
    }

    private AwsCredentialsProvider credentials() throws ProviderException {
        if (credentials == null) {
            AwsCredentialsProvider base = baseCredentials();
            if (settings.roleArn().isPresent()) {
                StsClient sts = configureSts(base);
                StsAssumeRoleCredentialsProvider assumed = StsAssumeRoleCredentialsProvider.builder()
                        .stsClient(sts)
                        .refreshRequest(r -> {
                            r.roleArn(settings.roleArn().get()).roleSessionName(settings.sessionName());
                            settings.externalId().ifPresent(r::externalId);
                        })
                        .build();
                toClose.add(assumed);
                credentials = assumed;
            } else {
                credentials = base;
            }
        }
        return credentials;
    }

    private StsClient configureSts(AwsCredentialsProvider base) throws ProviderException {
        var builder = StsClient.builder()
                .httpClient(httpClient())
                .region(resolveRegion())
                .credentialsProvider(base)
                .overrideConfiguration(o -> o.retryStrategy(retryStrategy()).addExecutionInterceptor(new CallCounter(apiCalls)));
        settings.endpoint().ifPresent(builder::endpointOverride);
        StsClient sts = builder.build();
        toClose.add(sts);
        return sts;
    }

    private AwsCredentialsProvider baseCredentials() {
        if (settings.credentialsFile().isPresent()) {
            ProfileFile file = ProfileFile.builder()
                    .content(settings.credentialsFile().get())
                    .type(ProfileFile.Type.CREDENTIALS)
                    .build();
            Supplier<ProfileFile> supplier = () -> file;
            return ProfileCredentialsProvider.builder()
                    .profileFile(supplier)
                    .profileName(settings.profile().orElse("default"))
                    .build();
        }
        if (settings.profile().isPresent()) {
            return ProfileCredentialsProvider.builder().profileName(settings.profile().get()).build();
        }
        return DefaultCredentialsProvider.builder().build();
    }

    @Override
    public synchronized void close() {
        // Close in reverse: service clients before the shared HTTP client they use.
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (Exception e) {
                // Closing a client only releases connections; a failure here cannot affect the run's outcome.
            }
        }
        toClose.clear();
    }

    /** Counts every API call (not every attempt) made through the clients. */
    private record CallCounter(AtomicInteger calls) implements ExecutionInterceptor {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            calls.incrementAndGet();
        }
    }
}
