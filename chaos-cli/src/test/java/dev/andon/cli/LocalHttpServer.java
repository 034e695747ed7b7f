package dev.andon.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server on loopback whose status can be changed while a test runs. */
public final class LocalHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger status = new AtomicInteger(200);

    public LocalHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = ("{\"status\":" + status.get() + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void answer(int code) {
        status.set(code);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
