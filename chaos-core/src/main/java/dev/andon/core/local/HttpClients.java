package dev.andon.core.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The HTTP clients of one run, shared by every {@code http} probe so connections are reused between
 * samples. Created on first use, one per redirect policy and scheme: a client for {@code http://} URLs
 * gets an SSL context with no trust material, because the JDK's default one loads every CA certificate
 * (hundreds of milliseconds in a fresh JVM) for a TLS handshake a plain HTTP probe never makes.
 */
final class HttpClients {

    private record Kind(boolean followRedirects, boolean tls) {
    }

    private final Map<Kind, HttpClient> clients = new ConcurrentHashMap<>();
    private final AtomicBoolean warmed = new AtomicBoolean();

    HttpClient client(URI uri, boolean followRedirects) {
        boolean tls = "https".equalsIgnoreCase(uri.getScheme());
        // A redirect may lead from http to https: only a client that never follows can skip TLS.
        return clients.computeIfAbsent(new Kind(followRedirects, tls || followRedirects), HttpClients::create);
    }

    private static HttpClient create(Kind kind) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .followRedirects(kind.followRedirects() ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER);
        if (!kind.tls()) {
            builder.sslContext(noTrust());
        }
        return builder.build();
    }

    /** An SSL context that trusts nothing: any TLS handshake through it fails, which a plain-HTTP client never starts. */
    private static SSLContext noTrust() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[0], new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
                    throw new java.security.cert.CertificateException("plain-HTTP probe client: TLS is not used");
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
                    throw new java.security.cert.CertificateException("plain-HTTP probe client: TLS is not used");
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create an SSL context: " + e.getMessage(), e);
        }
    }

    /**
     * True exactly once per run: the first request of a fresh JVM spends hundreds of milliseconds loading
     * the JDK's HTTP stack, which is Andon's cost, not the system's, and must not fail a latency bound.
     */
    boolean firstUse() {
        return warmed.compareAndSet(false, true);
    }
}
