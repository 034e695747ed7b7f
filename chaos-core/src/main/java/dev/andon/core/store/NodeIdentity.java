package dev.andon.core.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which process owns a run: crash recovery uses it to tell a live owner from a dead one.
 *
 * @param node          the node's name (a daemon's {@code --node}, by default the host name)
 * @param host          the host name, to know when {@code pid} can be checked locally
 * @param pid           the owning process
 * @param processStart  when that process started, so a reused PID is not mistaken for the owner
 */
public record NodeIdentity(String node, String host, long pid, Optional<Instant> processStart) {

    public NodeIdentity {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(host, "host");
        processStart = processStart == null ? Optional.empty() : processStart;
    }

    /** This process on this host, named after the host. */
    public static NodeIdentity current() {
        String host = localHostName();
        return current(host, host);
    }

    /** The host's name as the OS knows it; {@code localhost} when it has none. */
    public static String localHostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    /** This process on this host, named {@code node}. */
    public static NodeIdentity current(String node, String host) {
        ProcessHandle self = ProcessHandle.current();
        return new NodeIdentity(node, host, self.pid(), self.info().startInstant());
    }
}
