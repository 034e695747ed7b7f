package dev.andon.k8s.target;

import dev.andon.core.spi.Candidate;
import dev.andon.core.spi.ProviderException;
import dev.andon.core.spi.Target;
import dev.andon.k8s.SelfIdentity;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Optional;

/**
 * Decides, for one listed pod, whether the selector matches it at all (re-checked here because servers
 * may ignore set-based selectors) and, if so, whether it may be hit or why not. Every rule that keeps a
 * pod safe lives here, so the property tests exercise exactly what production runs.
 */
final class PodEligibility {

    private final PodSelector selector;
    private final SelfIdentity self;
    private final ClusterMetadata metadata;

    PodEligibility(PodSelector selector, SelfIdentity self, ClusterMetadata metadata) {
        this.selector = selector;
        this.self = self;
        this.metadata = metadata;
    }

    /** Empty when the selector does not match the pod; otherwise the pod as an eligible or excluded candidate. */
    Optional<Candidate> evaluate(Pod pod, String defaultNamespace) throws ProviderException {
        if (!selector.labels().matches(pod.getMetadata().getLabels()) || !selector.fields().matches(PodFacts.selectableFields(pod))) {
            return Optional.empty();
        }
        String namespace = pod.getMetadata().getNamespace();
        if (!selector.allNamespaces()) {
            List<String> wanted = selector.namespaces().isEmpty() ? List.of(defaultNamespace) : selector.namespaces();
            if (!wanted.contains(namespace)) {
                return Optional.empty();
            }
        }
        Optional<Workload> workload = metadata.workloadOf(namespace, ClusterMetadata.controllerOf(pod.getMetadata()));
        if (selector.owner().isPresent() && !ownedBy(pod, workload, Workload.parse(selector.owner().get(), namespace))) {
            return Optional.empty();
        }
        Target target = PodTargets.toTarget(pod, workload);
        return Optional.of(exclusion(pod, namespace, workload).map(reason -> Candidate.excluded(target, reason))
                .orElseGet(() -> Candidate.eligible(target)));
    }

    private static boolean ownedBy(Pod pod, Optional<Workload> resolved, Workload wanted) {
        if (!wanted.namespace().equals(pod.getMetadata().getNamespace())) {
            return false;
        }
        if (resolved.isPresent() && resolved.get().kind().equals(wanted.kind()) && resolved.get().name().equals(wanted.name())) {
            return true;
        }
        return ClusterMetadata.controllerOf(pod.getMetadata())
                .map(ref -> ref.getKind().equals(wanted.kind()) && ref.getName().equals(wanted.name()))
                .orElse(false);
    }

    private Optional<String> exclusion(Pod pod, String namespace, Optional<Workload> workload) throws ProviderException {
        String name = pod.getMetadata().getName();
        if (PodSelector.SYSTEM_NAMESPACES.contains(namespace) && !selector.namesExplicitly(namespace)) {
            return Optional.of("system namespace " + namespace + " (name it in selector.namespaces to allow it)");
        }
        if (self.isSelf(namespace, name)) {
            return Optional.of("Andon's own pod");
        }
        if (SafetyLabels.isProtected(pod.getMetadata().getLabels(), pod.getMetadata().getAnnotations())) {
            return Optional.of("protected: the pod carries " + SafetyLabels.PROTECTED);
        }
        ClusterMetadata.Meta owner = workload.isPresent() ? metadata.meta(workload.get()) : ClusterMetadata.Meta.ABSENT;
        if (SafetyLabels.isProtected(owner.labels(), owner.annotations())) {
            return Optional.of("protected: " + workload.get().id() + " carries " + SafetyLabels.PROTECTED);
        }
        ClusterMetadata.Meta ns = metadata.namespace(namespace);
        if (SafetyLabels.isProtected(ns.labels(), ns.annotations())) {
            return Optional.of("protected: namespace " + namespace + " carries " + SafetyLabels.PROTECTED);
        }
        if (PodFacts.isTerminating(pod)) {
            return Optional.of("already terminating");
        }
        if (selector.phase().isPresent() && !selector.phase().get().equals(PodFacts.phase(pod))) {
            return Optional.of("phase " + PodFacts.phase(pod) + " (the selector wants " + selector.phase().get() + ")");
        }
        if (selector.readyOnly() && !PodFacts.isReady(pod)) {
            return Optional.of("not Ready (the selector wants readyOnly)");
        }
        if (selector.optIn()
                && !SafetyLabels.optedIn(pod.getMetadata().getLabels(), pod.getMetadata().getAnnotations())
                && !SafetyLabels.optedIn(owner.labels(), owner.annotations())
                && !SafetyLabels.optedIn(ns.labels(), ns.annotations())) {
            return Optional.of("not opted in: add " + SafetyLabels.ENABLED + "=\"true\" to the pod"
                    + workload.map(w -> ", " + w.id()).orElse("") + " or namespace " + namespace + " (or set optIn: false)");
        }
        return Optional.empty();
    }
}
