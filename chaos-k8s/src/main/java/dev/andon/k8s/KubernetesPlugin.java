package dev.andon.k8s;

import dev.andon.core.spi.AndonPlugin;

/** Kubernetes targets, actions and probes. */
public final class KubernetesPlugin implements AndonPlugin {

    @Override
    public String name() {
        return "k8s";
    }
}
