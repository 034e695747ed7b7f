package dev.andon.k8s;

import dev.andon.core.spi.ParamSpec;
import dev.andon.core.spi.ParamType;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.ProviderException;
import dev.andon.core.spi.RunContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.File;
import java.util.List;

/**
 * The cluster a run talks to: one Fabric8 client per run (shared by every part, closed at run end), the
 * default namespace and the list page size.
 *
 * <p>Connection comes from {@code spec.settings.k8s} (or {@code --set k8s.key=value}); without settings,
 * Fabric8's auto-configuration applies: {@code KUBECONFIG}, {@code ~/.kube/config}, then the in-cluster
 * service account.
 */
public record Cluster(KubernetesClient client, String defaultNamespace, long pageSize) {

    public static final String PLUGIN = "k8s";
    public static final String KUBECONFIG = "kubeconfig";
    public static final String CONTEXT = "context";
    public static final String NAMESPACE = "namespace";
    public static final String MASTER_URL = "masterUrl";
    public static final String PAGE_SIZE = "pageSize";
    public static final long DEFAULT_PAGE_SIZE = 500;
    public static final String FALLBACK_NAMESPACE = "default";
    public static final String STOP_ON_WARNINGS = "stopOnWarnings";
    public static final String STOP_NAMESPACE = "stopNamespace";
    public static final String STOP_INTERVAL = "stopInterval";
    public static final java.time.Duration DEFAULT_STOP_INTERVAL = java.time.Duration.ofSeconds(2);

    static List<ParamSpec> settings() {
        return List.of(
                ParamSpec.optional(KUBECONFIG, ParamType.STRING, "path of the kubeconfig file (default: KUBECONFIG, ~/.kube/config, in-cluster)"),
                ParamSpec.optional(CONTEXT, ParamType.STRING, "kubeconfig context to use (default: the current context)"),
                ParamSpec.optional(NAMESPACE, ParamType.STRING, "namespace used when a part names none (default: the context's)"),
                ParamSpec.optional(MASTER_URL, ParamType.STRING, "API server URL, overriding the kubeconfig's"),
                ParamSpec.withDefault(PAGE_SIZE, ParamType.INTEGER, DEFAULT_PAGE_SIZE, "objects per list call (limit/continue)"),
                ParamSpec.optional(STOP_ON_WARNINGS, ParamType.STRING_LIST,
                        "stop every run at once when a Warning event of one of these reasons appears, e.g. [BackOff, FailedScheduling]"),
                ParamSpec.optional(STOP_NAMESPACE, ParamType.STRING, "namespace watched for those events, \"*\" for all (default: the connection's)"),
                ParamSpec.withDefault(STOP_INTERVAL, ParamType.DURATION, DEFAULT_STOP_INTERVAL, "how often the stop events are read"));
    }

    /**
     * The run's cluster: the kubeconfig is read and the client created on first use, then shared by every
     * part of the run and closed when the run ends.
     */
    public static Cluster of(RunContext context) throws ProviderException {
        return context.shared(Connection.class, Connection::new).open(context.settings(PLUGIN));
    }

    /** Holds the run's cluster once connected; a configuration that fails to load is retried at the next use. */
    static final class Connection implements AutoCloseable {

        private Cluster cluster;

        synchronized Cluster open(Parameters settings) throws ProviderException {
            if (cluster == null) {
                cluster = connect(settings);
            }
            return cluster;
        }

        @Override
        public synchronized void close() {
            if (cluster != null) {
                cluster.client().close();
                cluster = null;
            }
        }
    }

    /** A cluster with a client of its own, for users outside a run's parts (stop conditions); the caller closes the client. */
    public static Cluster connect(Parameters settings) throws ProviderException {
        KubernetesClient client = new KubernetesClientBuilder().withConfig(config(settings)).build();
        String namespace = client.getConfiguration().getNamespace();
        long pageSize = settings.integer(PAGE_SIZE).orElse(DEFAULT_PAGE_SIZE);
        return new Cluster(client, namespace == null || namespace.isBlank() ? FALLBACK_NAMESPACE : namespace, Math.max(1, pageSize));
    }

    static Config config(Parameters settings) throws ProviderException {
        String context = settings.string(CONTEXT).orElse(null);
        Config base;
        try {
            if (settings.string(KUBECONFIG).isPresent()) {
                File file = new File(settings.requireString(KUBECONFIG));
                if (!file.isFile()) {
                    throw new ProviderException(ProviderException.Kind.UNAVAILABLE,
                            "kubeconfig " + file + " does not exist (setting k8s.kubeconfig); point it at a kubeconfig file or remove it to use ~/.kube/config");
                }
                base = Config.fromKubeconfig(context, file);
            } else {
                base = Config.autoConfigure(context);
            }
        } catch (KubernetesClientException | IllegalArgumentException e) {
            throw new ProviderException(ProviderException.Kind.UNAVAILABLE,
                    "cannot load the Kubernetes configuration" + (context == null ? "" : " for context " + context) + ": " + e.getMessage(), e);
        }
        ConfigBuilder builder = new ConfigBuilder(base);
        settings.string(NAMESPACE).ifPresent(builder::withNamespace);
        settings.string(MASTER_URL).ifPresent(builder::withMasterUrl);
        return builder.build();
    }
}
