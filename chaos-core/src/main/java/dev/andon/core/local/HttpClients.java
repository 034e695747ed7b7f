package dev.andon.core.local;

import java.net.http.HttpClient;

/** The HTTP clients of one run, shared by every {@code http} probe so connections are reused between samples. */
final class HttpClients {

    private final HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    private final HttpClient notFollowing = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpClient client(boolean followRedirects) {
        return followRedirects ? following : notFollowing;
    }
}
