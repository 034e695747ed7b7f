package dev.andon.k8s.bench;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves a large cluster computed from indexes instead of stored: pod {@code i} lives in namespace
 * {@code ns-(i / podsPerNamespace)}, belongs to Deployment {@code app-k} through ReplicaSet
 * {@code app-k-rs}, and every 50th pod is protected; even namespaces opted in. Pages honour
 * {@code limit}/{@code continue}. Nothing is held per pod, so the heap measured in the benchmark is the
 * client's, not the server's.
 */
final class SyntheticClusterDispatcher extends Dispatcher {

    private static final Pattern ALL_PODS = Pattern.compile("/api/v1/pods(\\?.*)?");
    private static final Pattern NS_LIST = Pattern.compile("/apis/apps/v1/namespaces/([^/]+)/(replicasets|deployments)(\\?.*)?");
    private static final Pattern NAMESPACE = Pattern.compile("/api/v1/namespaces/([^/?]+)");
    private static final Pattern POD = Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/?]+)(\\?.*)?");

    private final int pods;
    private final int namespaces;
    private final int deploymentsPerNamespace;
    private final AtomicInteger requests = new AtomicInteger();

    SyntheticClusterDispatcher(int pods, int namespaces, int deploymentsPerNamespace) {
        this.pods = pods;
        this.namespaces = namespaces;
        this.deploymentsPerNamespace = deploymentsPerNamespace;
    }

    int requests() {
        return requests.get();
    }

    void resetRequests() {
        requests.set(0);
    }

    private int podsPerNamespace() {
        return pods / namespaces;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        requests.incrementAndGet();
        String path = request.getPath();
        Matcher m;
        if ("DELETE".equals(request.getMethod()) && (m = POD.matcher(path)).matches()) {
            int i = Integer.parseInt(m.group(2).substring(m.group(2).lastIndexOf('-') + 1));
            return json(pod(i));
        }
        if ((m = ALL_PODS.matcher(path)).matches()) {
            int limit = Integer.parseInt(param(path, "limit", "500"));
            int from = Integer.parseInt(param(path, "continue", "0").isEmpty() ? "0" : param(path, "continue", "0"));
            int to = Math.min(pods, from + limit);
            StringBuilder sb = new StringBuilder(limit * 900).append("{\"apiVersion\":\"v1\",\"kind\":\"PodList\",\"metadata\":{");
            if (to < pods) {
                sb.append("\"continue\":\"").append(to).append("\",\"remainingItemCount\":").append(pods - to);
            }
            sb.append("},\"items\":[");
            for (int i = from; i < to; i++) {
                sb.append(i == from ? "" : ",").append(pod(i));
            }
            return json(sb.append("]}").toString());
        }
        if ((m = NS_LIST.matcher(path)).matches()) {
            String ns = m.group(1);
            boolean rs = m.group(2).equals("replicasets");
            StringBuilder sb = new StringBuilder("{\"apiVersion\":\"apps/v1\",\"kind\":\"List\",\"metadata\":{},\"items\":[");
            for (int k = 0; k < deploymentsPerNamespace; k++) {
                sb.append(k == 0 ? "" : ",");
                if (rs) {
                    sb.append("{\"apiVersion\":\"apps/v1\",\"kind\":\"ReplicaSet\",\"metadata\":{\"name\":\"app-").append(k).append("-rs\",\"namespace\":\"")
                            .append(ns).append("\",\"ownerReferences\":[{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"name\":\"app-").append(k)
                            .append("\",\"uid\":\"d").append(k).append("\",\"controller\":true}]}}");
                } else {
                    sb.append("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"app-").append(k).append("\",\"namespace\":\"")
                            .append(ns).append("\",\"labels\":{\"app\":\"app-").append(k).append("\"}}}");
                }
            }
            return json(sb.append("]}").toString());
        }
        if ((m = NAMESPACE.matcher(path)).matches()) {
            int n = Integer.parseInt(m.group(1).substring(3));
            return json("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + m.group(1) + "\""
                    + (n % 2 == 0 ? ",\"labels\":{\"andon.dev/enabled\":\"true\"}" : "") + "}}");
        }
        return new MockResponse().setResponseCode(404).setBody("{\"kind\":\"Status\",\"code\":404}");
    }

    private String pod(int i) {
        int ns = i / podsPerNamespace();
        int app = (i % podsPerNamespace()) % deploymentsPerNamespace;
        return "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"app-" + app + "-rs-" + i + "\",\"namespace\":\"ns-" + ns
                + "\",\"uid\":\"p" + i + "\",\"labels\":{\"app\":\"app-" + app + "\",\"pod-template-hash\":\"rs\""
                + (i % 50 == 0 ? ",\"andon.dev/protected\":\"true\"" : "") + "},"
                + "\"ownerReferences\":[{\"apiVersion\":\"apps/v1\",\"kind\":\"ReplicaSet\",\"name\":\"app-" + app + "-rs\",\"uid\":\"r" + app
                + "\",\"controller\":true}]},\"spec\":{\"nodeName\":\"node-" + (i % 200) + "\",\"containers\":[{\"name\":\"app\",\"image\":\"shop:1\"}]},"
                + "\"status\":{\"phase\":\"Running\",\"podIP\":\"10.0." + (i / 250 % 250) + "." + (i % 250) + "\","
                + "\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\"}]}}";
    }

    private static MockResponse json(String body) {
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json").setBody(body);
    }

    private static String param(String path, String key, String fallback) {
        int q = path.indexOf('?');
        if (q < 0) {
            return fallback;
        }
        for (String pair : path.substring(q + 1).split("&")) {
            if (pair.startsWith(key + "=")) {
                return URLDecoder.decode(pair.substring(key.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return fallback;
    }
}
