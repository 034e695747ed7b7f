package dev.andon.cli.fleet;

/**
 * A replica process that announced its port.
 *
 * @param name    its stable name across restarts, {@code replica-2}
 * @param process the JVM running it
 * @param port    the loopback port it answers on
 */
record RunningReplica(String name, Process process, int port) {

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }
}
