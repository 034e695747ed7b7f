package dev.andon.core.local;

import dev.andon.core.spi.ParamSpec;
import dev.andon.core.spi.ParamType;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.Probe;
import dev.andon.core.spi.ProbeObservation;
import dev.andon.core.spi.RunContext;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
        HttpRequest request;
        try {
            request = request(parameters, url, timeout);
        } catch (IllegalArgumentException e) {
            return ProbeObservation.failed("cannot request " + url + ": " + e.getMessage(), Duration.ZERO);
        }
        HttpClients clients = context.shared(HttpClients.class, HttpClients::new);
        if (clients.firstUse() && SAFE_METHODS.contains(request.method())) {
            warmUp(clients.client(parameters.flag(FOLLOW_REDIRECTS)), request, timeout);
        }
        // Latency is elapsed time, so it is read from the monotonic clock, not from the run's wall Clock.
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> response = clients.client(parameters.flag(FOLLOW_REDIRECTS))
                .sendAsync(request, info -> new CappedBodySubscriber(BODY_LIMIT_BYTES));
        try {
            // The request timeout covers the wait for headers; this bound also covers a body that trickles.
            HttpResponse<String> answer = response.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            return ProbeObservation.of(Map.of(ProbeObservation.STATUS, answer.statusCode(), ProbeObservation.BODY, answer.body()), latency);
        } catch (TimeoutException e) {
            response.cancel(true);
            return ProbeObservation.failed(noAnswer(request, timeout), Duration.ofNanos(System.nanoTime() - start));
        } catch (ExecutionException e) {
            return ProbeObservation.failed(describe(e.getCause(), request, timeout), Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.cancel(true);
            return ProbeObservation.failed("interrupted while requesting " + url, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** Methods that may be sent once more than asked without changing anything (RFC 9110, section 9.2.1). */
    private static final java.util.Set<String> SAFE_METHODS = java.util.Set.of("GET", "HEAD", "OPTIONS");

    /** One untimed request whose answer is ignored: it only loads and connects the client. */
    private static void warmUp(java.net.http.HttpClient client, HttpRequest request, Duration timeout) {
        try {
            client.sendAsync(request, info -> new CappedBodySubscriber(BODY_LIMIT_BYTES)).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // The timed request that follows observes and reports the same failure.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static HttpRequest request(Parameters parameters, String url, Duration timeout) {
        String method = parameters.string(METHOD).orElse("GET");
        HttpRequest.BodyPublisher body = parameters.string(BODY)
                .map(HttpRequest.BodyPublishers::ofString)
                .orElse(HttpRequest.BodyPublishers.noBody());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).method(method, body);
        parameters.stringMap(HEADERS).forEach(builder::header);
        return builder.build();
    }

    private static String describe(Throwable cause, HttpRequest request, Duration timeout) {
        if (cause instanceof HttpConnectTimeoutException || cause instanceof HttpTimeoutException) {
            return noAnswer(request, timeout);
        }
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof ConnectException) {
                // The JDK client's ConnectException usually carries no message; refused is by far the common case.
                return "connection refused: " + request.method() + " " + request.uri()
                        + (c.getMessage() == null ? "" : " (" + c.getMessage() + ")");
            }
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return request.method() + " " + request.uri() + " failed: " + message;
    }

    private static String noAnswer(HttpRequest request, Duration timeout) {
        return "no answer within " + timeout.toMillis() + "ms: " + request.method() + " " + request.uri();
    }
}
