package dev.andon.cli.fleet;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One replica of the practice fleet, run as its own JVM by {@link ReplicaSupervisor}: a tiny HTTP
 * service on 127.0.0.1 that answers every GET with {@code {"replica":"replica-2","pid":4242}}.
 *
 * <p>Arguments: {@code --role fleet-replica --name replica-2 --fleet <id> [--port 0]}. The role is there so
 * that {@code commandMatches: fleet-replica} selects replicas. Once listening it prints
 * {@code listening <port>} on stdout; it exits when its stdin closes, so a supervisor that dies, even by
 * SIGKILL, leaves no replica behind.
 */
public final class FleetReplica {

    static final String ROLE = "fleet-replica";
    static final String READY_PREFIX = "listening ";

    private FleetReplica() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = options(args);
        String name = options.getOrDefault("name", "replica");
        int port = Integer.parseInt(options.getOrDefault("port", "0"));
        byte[] body = ("{\"replica\":\"" + name + "\",\"pid\":" + ProcessHandle.current().pid() + "}\n").getBytes(StandardCharsets.UTF_8);

        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server.createContext("/", exchange -> answer(exchange, body));
        server.start();

        PrintStream out = System.out;
        out.println(READY_PREFIX + server.getAddress().getPort());
        out.flush();

        // Blocks until the supervisor closes the pipe or dies.
        System.in.transferTo(OutputStream.nullOutputStream());
        server.stop(0);
        System.exit(0);
    }

    private static void answer(HttpExchange exchange, byte[] body) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, "HEAD".equals(exchange.getRequestMethod()) ? -1 : body.length);
            if (!"HEAD".equals(exchange.getRequestMethod())) {
                exchange.getResponseBody().write(body);
            }
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
