package dev.andon.core.local;

import dev.andon.core.spi.ParamSpec;
import dev.andon.core.spi.ParamType;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.Probe;
import dev.andon.core.spi.ProbeObservation;
import dev.andon.core.spi.RunContext;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code tcp}: whether a port accepts a connection; observes {@code ok: true} and the connect latency. */
final class TcpProbe implements Probe {

    static final String NAME = "tcp";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private static final String HOST = "host";
    private static final String PORT = "port";
    private static final String TIMEOUT = "timeout";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "opens a TCP connection; observes ok when the port accepts";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.withDefault(HOST, ParamType.STRING, "127.0.0.1", "the host to connect to"),
                ParamSpec.required(PORT, ParamType.INTEGER, "the port that must accept connections"),
                ParamSpec.withDefault(TIMEOUT, ParamType.DURATION, DEFAULT_TIMEOUT, "how long to wait for the connection"));
    }

    @Override
    public List<String> check(Parameters parameters) {
        List<String> problems = new ArrayList<>();
        parameters.integer(PORT).filter(port -> port < 1 || port > 65535)
                .ifPresent(port -> problems.add("port must be between 1 and 65535, but was " + port));
        parameters.duration(TIMEOUT).filter(t -> t.isZero() || t.isNegative())
                .ifPresent(t -> problems.add("timeout must be positive"));
        return problems;
    }

    @Override
    public ProbeObservation observe(Parameters parameters, RunContext context) {
        String host = parameters.string(HOST).orElse("127.0.0.1");
        long port = parameters.integer(PORT).orElseThrow();
        Duration timeout = parameters.duration(TIMEOUT).orElse(DEFAULT_TIMEOUT);
        String address = host + ":" + port;
        // Latency is elapsed time, so it is read from the monotonic clock, not from the run's wall Clock.
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, (int) port), (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            return ProbeObservation.of(Map.of(ProbeObservation.OK, true), elapsedSince(start));
        } catch (SocketTimeoutException e) {
            return ProbeObservation.failed("no connection within " + timeout.toMillis() + "ms: " + address, elapsedSince(start));
        } catch (ConnectException e) {
            return ProbeObservation.failed("connection refused: " + address, elapsedSince(start));
        } catch (IOException | IllegalArgumentException e) {
            return ProbeObservation.failed("cannot connect to " + address + ": " + e.getMessage(), elapsedSince(start));
        }
    }

    private static Duration elapsedSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
