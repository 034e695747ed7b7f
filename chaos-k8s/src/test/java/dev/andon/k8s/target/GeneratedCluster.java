package dev.andon.k8s.target;

import dev.andon.k8s.SelfIdentity;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A random cluster made from a seed, with the ground truth kept beside it: which namespaces, workloads
 * and pods opted in or are protected, and which pod is Andon's. Property tests judge the provider's
 * answers against this truth, not against the provider's own reasoning.
 */
final class GeneratedCluster {

    static final List<String> APPS = List.of("web", "api", "cart", "worker", "cache");

    record Flags(boolean optedIn, boolean isProtected, boolean asAnnotation) {
        Map<String, String> labels() {
            Map<String, String> m = new HashMap<>();
            if (!asAnnotation) {
                put(m);
            }
            return m;
        }

        Map<String, String> annotations() {
            Map<String, String> m = new HashMap<>();
            if (asAnnotation) {
                put(m);
            }
            return m;
        }

        private void put(Map<String, String> m) {
            if (optedIn) {
                m.put(SafetyLabels.ENABLED, "true");
            }
            if (isProtected) {
                m.put(SafetyLabels.PROTECTED, "true");
            }
        }
    }

    record PodTruth(String namespace, String name, Optional<String> deployment, String app, String phase, boolean ready, Flags flags) {
        String id() {
            return namespace + "/" + name;
        }
    }

    final Map<String, Flags> namespaces = new HashMap<>();
    final Map<String, Flags> deployments = new HashMap<>();
    final List<PodTruth> pods = new ArrayList<>();
    final SelfIdentity self;

    private GeneratedCluster(SelfIdentity self) {
        this.self = self;
    }

    static GeneratedCluster generate(Random random, KubernetesClient client) {
        List<String> names = new ArrayList<>(List.of("kube-system", "kube-public"));
        int count = 4 + random.nextInt(8);
        for (int i = 0; i < count; i++) {
            names.add("team-" + i);
        }
        GeneratedCluster truth = new GeneratedCluster(SelfIdentity.NOWHERE);
        List<PodTruth> pods = new ArrayList<>();
        for (String ns : names) {
            Flags nsFlags = flags(random, 0.4, 0.1);
            truth.namespaces.put(ns, nsFlags);
            client.namespaces().resource(new NamespaceBuilder().withMetadata(new ObjectMetaBuilder().withName(ns)
                    .withLabels(nsFlags.labels()).withAnnotations(nsFlags.annotations()).build()).build()).create();
            int workloads = 2 + random.nextInt(5);
            for (int w = 0; w < workloads; w++) {
                String app = APPS.get(random.nextInt(APPS.size()));
                String deployment = app + "-" + w;
                Flags dFlags = flags(random, 0.3, 0.15);
                truth.deployments.put(ns + "/" + deployment, dFlags);
                var d = client.apps().deployments().inNamespace(ns).resource(new DeploymentBuilder()
                        .withMetadata(new ObjectMetaBuilder().withName(deployment).withNamespace(ns).withLabels(dFlags.labels())
                                .withAnnotations(dFlags.annotations()).build())
                        .withNewSpec().withReplicas(1).withNewSelector().addToMatchLabels("app", app).endSelector().endSpec().build()).create();
                var rs = client.apps().replicaSets().inNamespace(ns).resource(new ReplicaSetBuilder()
                        .withNewMetadata().withName(deployment + "-5d8f").withNamespace(ns)
                        .addNewOwnerReference().withApiVersion("apps/v1").withKind("Deployment").withName(deployment)
                        .withUid(d.getMetadata().getUid()).withController(true).endOwnerReference().endMetadata().build()).create();
                int replicas = 1 + random.nextInt(12);
                for (int r = 0; r < replicas; r++) {
                    PodTruth pod = new PodTruth(ns, deployment + "-5d8f-" + r, Optional.of(deployment), app, phase(random),
                            random.nextDouble() < 0.85, flags(random, 0.1, 0.05));
                    pods.add(pod);
                    create(client, pod, rs.getMetadata().getName(), rs.getMetadata().getUid());
                }
            }
            int bare = random.nextInt(3);
            for (int b = 0; b < bare; b++) {
                PodTruth pod = new PodTruth(ns, "bare-" + b, Optional.empty(), APPS.get(random.nextInt(APPS.size())), phase(random),
                        random.nextBoolean(), flags(random, 0.3, 0.1));
                pods.add(pod);
                create(client, pod, null, null);
            }
        }
        PodTruth andon = pods.get(random.nextInt(pods.size()));
        GeneratedCluster withSelf = new GeneratedCluster(random.nextBoolean()
                ? SelfIdentity.pod(andon.namespace(), andon.name(), "node-1")
                : new SelfIdentity(Optional.of(andon.name()), Optional.empty(), Optional.empty()));
        withSelf.namespaces.putAll(truth.namespaces);
        withSelf.deployments.putAll(truth.deployments);
        withSelf.pods.addAll(pods);
        return withSelf;
    }

    boolean optedIn(PodTruth pod) {
        return pod.flags().optedIn() || namespaces.get(pod.namespace()).optedIn()
                || pod.deployment().map(d -> deployments.get(pod.namespace() + "/" + d).optedIn()).orElse(false);
    }

    boolean isProtected(PodTruth pod) {
        return pod.flags().isProtected() || namespaces.get(pod.namespace()).isProtected()
                || pod.deployment().map(d -> deployments.get(pod.namespace() + "/" + d).isProtected()).orElse(false);
    }

    boolean isSelf(PodTruth pod) {
        return self.podName().get().equals(pod.name()) && self.podNamespace().map(pod.namespace()::equals).orElse(true);
    }

    private static Flags flags(Random random, double optIn, double protect) {
        return new Flags(random.nextDouble() < optIn, random.nextDouble() < protect, random.nextBoolean());
    }

    private static String phase(Random random) {
        double p = random.nextDouble();
        return p < 0.85 ? "Running" : p < 0.95 ? "Pending" : "Succeeded";
    }

    private static void create(KubernetesClient client, PodTruth pod, String replicaSet, String uid) {
        Map<String, String> labels = new HashMap<>(pod.flags().labels());
        labels.put("app", pod.app());
        PodBuilder builder = new PodBuilder().withMetadata(new ObjectMetaBuilder().withName(pod.name()).withNamespace(pod.namespace())
                        .withLabels(labels).withAnnotations(pod.flags().annotations()).build())
                .withNewSpec().withNodeName("node-1").addNewContainer().withName("app").withImage("x").endContainer().endSpec()
                .withNewStatus().withPhase(pod.phase()).addNewCondition().withType("Ready").withStatus(pod.ready() ? "True" : "False").endCondition()
                .endStatus();
        if (replicaSet != null) {
            builder.editMetadata().addNewOwnerReference().withApiVersion("apps/v1").withKind("ReplicaSet").withName(replicaSet).withUid(uid)
                    .withController(true).endOwnerReference().endMetadata();
        }
        client.pods().inNamespace(pod.namespace()).resource(builder.build()).create();
    }
}
