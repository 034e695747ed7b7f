package dev.andon.core.local;

import java.net.http.HttpClient;

/** The HTTP clients of one run, shared by every {@code http} probe so connections are reused between samples. */
final class HttpClients {

    private final HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    private final HttpClient notFollowing = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final java.util.concurrent.atomic.AtomicBoolean warmed = new java.util.concurrent.atomic.AtomicBoolean();

    HttpClient client(boolean followRedirects) {
        return followRedirects ? following : notFollowing;
    }

    /**
     * True exactly once per run: the first request of a fresh JVM spends hundreds of milliseconds loading
     * the JDK's HTTP stack, which is Andon's cost, not the system's, and must not fail a latency bound.
     */
    boolean firstUse() {
        return warmed.compareAndSet(false, true);
    }
}
