package dev.andon.k8s.probe;

import dev.andon.core.spi.ProviderException;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Informers shared by the probes of one run, so a continuous hypothesis probing every few hundred
 * milliseconds reads a watched cache instead of asking the API server each time: one list and one watch
 * per probed object or namespace for the whole run. Created through {@code RunContext.shared} and closed
 * (every watch stopped) when the run ends.
 */
final class ProbeInformers implements AutoCloseable {

    /** Starts an informer; the list it begins with may be refused. */
    @FunctionalInterface
    interface Starter<T> {
        SharedIndexInformer<T> start() throws ProviderException;
    }

    private final Map<String, SharedIndexInformer<?>> informers = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    synchronized <T> SharedIndexInformer<T> get(String key, Starter<T> starter) throws ProviderException {
        SharedIndexInformer<?> running = informers.get(key);
        if (running != null && running.isRunning()) {
            return (SharedIndexInformer<T>) running;
        }
        SharedIndexInformer<T> started = starter.start();
        informers.put(key, started);
        return started;
    }

    @Override
    public synchronized void close() {
        for (SharedIndexInformer<?> informer : informers.values()) {
            try {
                informer.stop();
            } catch (KubernetesClientException e) {
                // the run is over and its client is closing; a watch that fails to stop cleanly holds nothing
            }
        }
        informers.clear();
    }
}
