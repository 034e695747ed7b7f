package dev.andon.core.journal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The host name for journals, without a DNS lookup that could hang on a machine with no network. */
final class HostFacts {

    private HostFacts() {
    }

    static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
