package dev.andon.core.local;

import dev.andon.core.spi.ParamSpec;
import dev.andon.core.spi.ParamType;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.Probe;
import dev.andon.core.spi.ProbeObservation;
import dev.andon.core.spi.RunContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code http}: one request; observes {@code status}, {@code body} (the first 64 KiB) and the latency
 * until the body was read. A refused connection or a timeout is a failed observation, not an error.
 */
final class HttpProbe implements Probe {

    static final String NAME = "http";
    static final int BODY_LIMIT_BYTES = 64 * 1024;
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private static final String URL = "url";
    private static final String METHOD = "method";
    private static final String HEADERS = "headers";
    private static final String BODY = "body";
    private static final String TIMEOUT = "timeout";
    private static final String FOLLOW_REDIRECTS = "followRedirects";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "sends an HTTP request; observes status, body and latency";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.required(URL, ParamType.STRING, "the URL to request (http or https)"),
                ParamSpec.withDefault(METHOD, ParamType.STRING, "GET", "the HTTP method")
                        .oneOf("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"),
                ParamSpec.optional(HEADERS, ParamType.STRING_MAP, "request headers"),
                ParamSpec.optional(BODY, ParamType.STRING, "request body"),
                ParamSpec.withDefault(TIMEOUT, ParamType.DURATION, DEFAULT_TIMEOUT, "how long to wait for the whole response"),
                ParamSpec.withDefault(FOLLOW_REDIRECTS, ParamType.BOOLEAN, false, "follow 3xx redirects instead of observing them"));
    }

    @Override
    public List<String> check(Parameters parameters) {
        List<String> problems = new ArrayList<>();
        parameters.string(URL).ifPresent(url -> {
            try {
                URI uri = new URI(url);
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                    problems.add("url must start with http:// or https://, but was '" + url + "'");
                } else if (uri.getHost() == null) {
                    problems.add("url has no host: '" + url + "'");
                }
            } catch (URISyntaxException e) {
                problems.add("url is not a valid URL: " + e.getMessage());
            }
        });
        parameters.duration(TIMEOUT).filter(t -> t.isZero() || t.isNegative())
                .ifPresent(t -> problems.add("timeout must be positive"));
        return problems;
    }

    @Override
    public ProbeObservation observe(Parameters parameters, RunContext context) {
        String url = parameters.requireString(URL);
        Duration timeout = parameters.duration(TIMEOUT).orElse(DEFAULT_TIMEOUT);
        String method = parameters.string(METHOD).orElse("GET");
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return ProbeObservation.failed("cannot request " + url + ": " + e.getMessage(), Duration.ZERO);
        }
        String what = method + " " + uri;
        if (context.shared(FirstRequest.class, FirstRequest::new).firstUse() && SAFE_METHODS.contains(method)) {
            // One untimed request whose answer is ignored: it only loads the HTTP classes and connects.
            try {
                exchange(uri, method, parameters, timeout);
            } catch (IOException e) {
                // The timed request that follows observes and reports the same failure.
            }
        }
        // Latency is elapsed time, so it is read from the monotonic clock, not from the run's wall Clock.
        long start = System.nanoTime();
        try {
            Answer answer = exchange(uri, method, parameters, timeout);
            return ProbeObservation.of(Map.of(ProbeObservation.STATUS, answer.status(), ProbeObservation.BODY, answer.body()),
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (SocketTimeoutException e) {
            return ProbeObservation.failed(noAnswer(what, timeout), Duration.ofNanos(System.nanoTime() - start));
        } catch (ConnectException e) {
            return ProbeObservation.failed("connection refused: " + what + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"),
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException | IllegalArgumentException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return ProbeObservation.failed(what + " failed: " + message, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private record Answer(int status, String body) {
    }

    /**
     * One exchange over {@link HttpURLConnection}, not the JDK's {@code HttpClient}: the client's selector
     * thread waits in native code and makes the JVM's exit wait ~300 ms for it, after every run.
     * The timeout bounds the connect, every read, and the whole body (a body that trickles).
     */
    private static Answer exchange(URI uri, String method, Parameters parameters, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
        connection.setConnectTimeout(millis);
        connection.setReadTimeout(millis);
        connection.setUseCaches(false);
        connection.setInstanceFollowRedirects(parameters.flag(FOLLOW_REDIRECTS));
        connection.setRequestMethod(method);
        parameters.stringMap(HEADERS).forEach(connection::setRequestProperty);
        Optional<String> body = parameters.string(BODY);
        if (body.isPresent()) {
            connection.setDoOutput(true);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body.get().getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = connection.getResponseCode();
        InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        if (in == null) {
            return new Answer(status, "");
        }
        try (in) {
            byte[] kept = new byte[BODY_LIMIT_BYTES];
            int length = 0;
            int n;
            while (length < kept.length && (n = in.read(kept, length, kept.length - length)) >= 0) {
                length += n;
                if (System.nanoTime() > deadline) {
                    throw new SocketTimeoutException("body not read within the timeout");
                }
            }
            return new Answer(status, new String(kept, 0, length, StandardCharsets.UTF_8));
        }
    }

    /** Methods that may be sent once more than asked without changing anything (RFC 9110, section 9.2.1). */
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    /** True exactly once per run: the first request of a fresh JVM loads the HTTP classes, Andon's cost, not the system's. */
    private static final class FirstRequest {
        private final AtomicBoolean used = new AtomicBoolean();

        boolean firstUse() {
            return used.compareAndSet(false, true);
        }
    }

    private static String noAnswer(String what, Duration timeout) {
        return "no answer within " + timeout.toMillis() + "ms: " + what;
    }
}
