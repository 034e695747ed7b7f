package dev.andon.k8s.action;

import dev.andon.core.spi.Target;

/** The namespace and name of a pod target. */
record PodRef(String namespace, String name) {

    static PodRef of(Target target) {
        String namespace = target.attribute("namespace");
        String name = target.attribute("pod");
        if (namespace == null || name == null) {
            int slash = target.id().indexOf('/');
            if (slash < 0) {
                throw new IllegalArgumentException("target " + target.id() + " is not a pod (expected namespace/name from k8s.pod)");
            }
            return new PodRef(target.id().substring(0, slash), target.id().substring(slash + 1));
        }
        return new PodRef(namespace, name);
    }

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
