package dev.andon.k8s;

import dev.andon.core.spi.Action;
import dev.andon.core.spi.AndonPlugin;
import dev.andon.core.spi.ParamSpec;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.Probe;
import dev.andon.core.spi.ProviderException;
import dev.andon.core.spi.StopCondition;
import dev.andon.core.spi.TargetProvider;
import dev.andon.k8s.action.NetworkPartition;
import dev.andon.k8s.action.NetworkRemovePolicy;
import dev.andon.k8s.action.NodeCordon;
import dev.andon.k8s.action.NodeDrain;
import dev.andon.k8s.action.NodeUncordon;
import dev.andon.k8s.action.PodDelete;
import dev.andon.k8s.action.PodKillProcess;
import dev.andon.k8s.action.WorkloadScale;
import dev.andon.k8s.probe.PodsCount;
import dev.andon.k8s.probe.WarningEventStop;
import dev.andon.k8s.probe.WarningEvents;
import dev.andon.k8s.probe.WorkloadReady;
import dev.andon.k8s.target.NodeTargets;
import dev.andon.k8s.target.PodTargets;
import dev.andon.k8s.target.WorkloadTargets;
import java.time.Clock;
import java.util.List;

/**
 * Kubernetes targets ({@code k8s.pod}, {@code k8s.node}, {@code k8s.workload}), actions (pod delete and
 * process kill, node cordon and drain, workload scale, network partition, and their undos) and probes
 * (workload readiness, pod count, Warning events), through the Fabric8 client.
 */
public final class KubernetesPlugin implements AndonPlugin {

    private final SelfIdentity self;

    /** The plugin as ServiceLoader creates it: Andon's own pod and node come from the environment. */
    public KubernetesPlugin() {
        this(SelfIdentity.fromEnvironment());
    }

    public KubernetesPlugin(SelfIdentity self) {
        this.self = self;
    }

    @Override
    public String name() {
        return Cluster.PLUGIN;
    }

    @Override
    public List<ParamSpec> settings() {
        return Cluster.settings();
    }

    @Override
    public List<TargetProvider> targetProviders() {
        return List.of(new PodTargets(self), new NodeTargets(self), new WorkloadTargets(self));
    }

    @Override
    public List<Action> actions() {
        return List.of(new PodDelete(), new PodKillProcess(), new NodeCordon(), new NodeUncordon(), new NodeDrain(self),
                new WorkloadScale(), new NetworkPartition(), new NetworkRemovePolicy());
    }

    @Override
    public List<StopCondition> stopConditions(Parameters settings, Clock clock) throws ProviderException {
        return WarningEventStop.fromSettings(settings, clock).map(List::of).orElse(List.of());
    }

    @Override
    public List<Probe> probes() {
        return List.of(new WorkloadReady(), new PodsCount(), new WarningEvents());
    }
}
