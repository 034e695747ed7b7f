package dev.andon.k8s.support;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.HashMap;
import java.util.Map;

/** Builds the objects a cluster under test holds, the way real controllers shape them (owner references, hash labels). */
public final class ClusterFixtures {

    private final KubernetesClient client;

    public ClusterFixtures(KubernetesClient client) {
        this.client = client;
    }

    public Namespace namespace(String name, Map<String, String> labels) {
        return client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata().build()).create();
    }

    public Node node(String name, Map<String, String> labels) {
        return client.nodes().resource(new NodeBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata()
                .withNewSpec().endSpec()
                .withNewStatus().addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus().build()).create();
    }

    /**
     * A Deployment with its ReplicaSet ({@code <name>-rs1}) and {@code replicas} Running, Ready pods
     * ({@code <name>-rs1-<i>}) on {@code node}.
     */
    public Deployment deployment(String ns, String name, int replicas, Map<String, String> deploymentLabels, String node) {
        Map<String, String> selector = Map.of("app", name);
        Deployment d = client.apps().deployments().inNamespace(ns).resource(new DeploymentBuilder()
                .withNewMetadata().withName(name).withNamespace(ns).withLabels(deploymentLabels).endMetadata()
                .withNewSpec().withReplicas(replicas).withNewSelector().withMatchLabels(selector).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(selector).endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("shop:1").endContainer().endSpec().endTemplate()
                .endSpec()
                .withNewStatus().withReplicas(replicas).withReadyReplicas(replicas).withAvailableReplicas(replicas).endStatus()
                .build()).create();
        ReplicaSet rs = client.apps().replicaSets().inNamespace(ns).resource(new ReplicaSetBuilder()
                .withNewMetadata().withName(name + "-rs1").withNamespace(ns).withLabels(selector)
                .addNewOwnerReference().withApiVersion("apps/v1").withKind("Deployment").withName(name)
                .withUid(d.getMetadata().getUid()).withController(true).endOwnerReference().endMetadata()
                .withNewSpec().withReplicas(replicas).withNewSelector().withMatchLabels(selector).endSelector().endSpec()
                .build()).create();
        for (int i = 0; i < replicas; i++) {
            pod(ns, name + "-rs1-" + i, rs, selector, "Running", true, node);
        }
        return d;
    }

    public Pod pod(String ns, String name, ReplicaSet owner, Map<String, String> labels, String phase, boolean ready, String node) {
        Map<String, String> all = new HashMap<>(labels);
        if (owner != null) {
            all.put("pod-template-hash", "rs1");
        }
        PodBuilder builder = new PodBuilder().withNewMetadata().withName(name).withNamespace(ns).withLabels(all).endMetadata()
                .withNewSpec().withNodeName(node).addNewContainer().withName("app").withImage("shop:1").endContainer().endSpec()
                .withNewStatus().withPhase(phase).addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition().endStatus();
        if (owner != null) {
            builder.editMetadata().addNewOwnerReference().withApiVersion("apps/v1").withKind("ReplicaSet").withName(owner.getMetadata().getName())
                    .withUid(owner.getMetadata().getUid()).withController(true).endOwnerReference().endMetadata();
        }
        return client.pods().inNamespace(ns).resource(builder.build()).create();
    }
}
