package dev.andon.k8s.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.internal.MockDispatcher;
import io.fabric8.mockwebserver.internal.SimpleRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fabric8's CRUD dispatcher plus what a real API server does that it does not: pages lists with
 * {@code limit}/{@code continue}, applies field selectors such as {@code spec.nodeName}, answers the
 * Eviction subresource (refusing it while a test says a disruption budget forbids it) and records every
 * request so tests can count API calls. Expectations set with {@code server.expect()} (exec, 403s) take
 * precedence, as in Fabric8's mixed mode.
 *
 * <p>Set-based label requirements reach the CRUD store stripped: the mock ignores single-valued ones but
 * splits multi-valued ones at their commas ({@code app in (a,b)} becomes a requirement on a label
 * {@code b)}) and then matches nothing. Stripping them makes the mock behave as the issue tracker
 * describes it, returning a superset, so tests exercise Andon's own client-side filtering.
 */
final class ClusterDispatcher extends Dispatcher {

    private static final Pattern EVICTION = Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/?]+)/eviction.*");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<ServerRequest, Queue<ServerResponse>> responses;
    private final MockDispatcher expectations;
    private final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();
    private final AtomicInteger requestCount = new AtomicInteger();
    private final List<String> requestLog = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> evictionRefusals = new ConcurrentHashMap<>();
    /** Sorted list results by query, as a server's snapshot for continue tokens; any write drops them. */
    private final Map<String, List<JsonNode>> snapshots = new ConcurrentHashMap<>();

    ClusterDispatcher(Map<ServerRequest, Queue<ServerResponse>> responses) {
        this.responses = responses;
        this.expectations = new MockDispatcher(responses);
    }

    int requestCount() {
        return requestCount.get();
    }

    List<String> requestLog() {
        return List.copyOf(requestLog);
    }

    void refuseEvictions(String namespace, String pod, int times) {
        evictionRefusals.put(namespace + "/" + pod, new AtomicInteger(times));
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        requestCount.incrementAndGet();
        requestLog.add(request.getMethod() + " " + request.getPath());
        if (expects(new SimpleRequest(HttpMethod.valueOf(request.getMethod()), request.getPath()))
                || expects(new SimpleRequest(HttpMethod.ANY, request.getPath()))) {
            return expectations.dispatch(request);
        }
        if (!"GET".equals(request.getMethod())) {
            snapshots.clear();
        }
        String path = equalityOnly(request.getPath());
        Matcher eviction = EVICTION.matcher(path);
        if ("POST".equals(request.getMethod()) && eviction.matches()) {
            return evict(eviction.group(1), eviction.group(2));
        }
        if ("GET".equals(request.getMethod()) && query(path, "limit") != null && query(path, "watch") == null) {
            return page(path);
        }
        if ("GET".equals(request.getMethod()) && !path.equals(request.getPath())) {
            return crud.handleGet(path);
        }
        return crud.dispatch(request);
    }

    private boolean expects(ServerRequest request) {
        Queue<ServerResponse> expected = responses.get(request);
        return expected != null && !expected.isEmpty();
    }

    private MockResponse evict(String namespace, String pod) {
        AtomicInteger refusals = evictionRefusals.get(namespace + "/" + pod);
        if (refusals != null && refusals.getAndDecrement() > 0) {
            return new MockResponse().setResponseCode(429).setBody(status(429, "TooManyRequests",
                    "Cannot evict pod as it would violate the pod's disruption budget."));
        }
        MockResponse deleted = crud.handleDelete("/api/v1/namespaces/" + namespace + "/pods/" + pod);
        if (deleted.code() == 404) {
            return new MockResponse().setResponseCode(404).setBody(status(404, "NotFound", "pods \"" + pod + "\" not found"));
        }
        return new MockResponse().setResponseCode(201).setBody(status(201, "", "evicted"));
    }

    private MockResponse page(String path) {
        long limit = Long.parseLong(query(path, "limit"));
        String token = query(path, "continue");
        int offset = token == null || token.isEmpty() ? 0 : Integer.parseInt(token);
        String fieldSelector = query(path, "fieldSelector");
        String unpaged = stripPaging(path);
        try {
            List<JsonNode> items = snapshots.get(unpaged + "|" + fieldSelector);
            if (items == null || offset == 0) {
                MockResponse all = crud.handleGet(unpaged);
                if (all.code() != 200) {
                    return all;
                }
                items = new ArrayList<>();
                for (JsonNode item : JSON.readTree(all.getBody().readUtf8()).withArray("items")) {
                    if (fieldsMatch(item, fieldSelector)) {
                        items.add(item);
                    }
                }
                items.sort(Comparator.comparing(ClusterDispatcher::sortKey));
                snapshots.put(unpaged + "|" + fieldSelector, items);
            }
            ObjectNode list = JSON.createObjectNode();
            list.put("apiVersion", "v1");
            list.put("kind", "List");
            ArrayNode page = JSON.createArrayNode();
            int end = (int) Math.min(items.size(), offset + limit);
            for (int i = offset; i < end; i++) {
                page.add(items.get(i));
            }
            list.set("items", page);
            ObjectNode metadata = list.with("metadata");
            if (end < items.size()) {
                metadata.put("continue", Integer.toString(end));
                metadata.put("remainingItemCount", items.size() - end);
            } else {
                metadata.remove("continue");
            }
            return new MockResponse().setResponseCode(200).setBody(JSON.writeValueAsString(list));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Field selectors as the API server applies them (the CRUD mock only knows metadata.name and namespace). */
    private static boolean fieldsMatch(JsonNode item, String fieldSelector) {
        if (fieldSelector == null || fieldSelector.isBlank()) {
            return true;
        }
        for (String term : fieldSelector.split(",")) {
            boolean negated = term.contains("!=");
            String[] kv = term.split(negated ? "!=" : "==?", 2);
            JsonNode node = item;
            for (String step : kv[0].trim().split("\\.")) {
                node = node.path(step);
            }
            boolean equal = node.asText("").equals(kv[1].trim());
            if (equal == negated) {
                return false;
            }
        }
        return true;
    }

    private static String sortKey(JsonNode item) {
        JsonNode meta = item.path("metadata");
        return meta.path("namespace").asText("") + "/" + meta.path("name").asText("");
    }

    private static final Pattern EQUALITY_TERM = Pattern.compile("\\s*[A-Za-z0-9./_-]+\\s*(==|!=|=)\\s*[A-Za-z0-9._-]*\\s*");

    /** The path with only the equality-based terms of its label selector left. */
    static String equalityOnly(String path) {
        String selector = query(path, "labelSelector");
        if (selector == null) {
            return path;
        }
        List<String> kept = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= selector.length(); i++) {
            char c = i < selector.length() ? selector.charAt(i) : ',';
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ',' && depth == 0) {
                String term = selector.substring(start, i);
                if (EQUALITY_TERM.matcher(term).matches()) {
                    kept.add(term.trim());
                }
                start = i + 1;
            }
        }
        int q = path.indexOf('?');
        List<String> params = new ArrayList<>();
        for (String pair : path.substring(q + 1).split("&")) {
            if (!pair.startsWith("labelSelector=")) {
                params.add(pair);
            }
        }
        if (!kept.isEmpty()) {
            params.add("labelSelector=" + java.net.URLEncoder.encode(String.join(",", kept), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return path.substring(0, q) + (params.isEmpty() ? "" : "?" + String.join("&", params));
    }

    static String query(String path, String key) {
        int q = path.indexOf('?');
        if (q < 0) {
            return null;
        }
        for (String pair : path.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            if (k.equals(key)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String stripPaging(String path) {
        int q = path.indexOf('?');
        List<String> kept = new ArrayList<>();
        for (String pair : path.substring(q + 1).split("&")) {
            if (!pair.startsWith("limit=") && !pair.startsWith("continue=") && !pair.startsWith("fieldSelector=")) {
                kept.add(pair);
            }
        }
        return path.substring(0, q) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    }

    static String status(int code, String reason, String message) {
        ObjectNode status = JSON.createObjectNode();
        status.put("apiVersion", "v1");
        status.put("kind", "Status");
        status.put("status", code < 400 ? "Success" : "Failure");
        status.put("code", code);
        status.put("reason", reason);
        status.put("message", message);
        return status.toString();
    }
}
