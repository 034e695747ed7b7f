package dev.andon.core.store;

/** Whether the process that owns a run is still alive, as far as this host can tell. */
@FunctionalInterface
public interface ProcessLiveness {

    /** True if {@code owner} may be alive; only processes on this host can be known dead. */
    boolean mayBeAlive(NodeIdentity owner);

    /**
     * Checks the PID on this host, comparing the process start time so a reused PID does not pass for the
     * owner. Owners on other hosts may be alive: only their heartbeat tells.
     */
    static ProcessLiveness onHost(String host) {
        return owner -> {
            if (!owner.host().equals(host)) {
                return true;
            }
            return ProcessHandle.of(owner.pid())
                    .filter(ProcessHandle::isAlive)
                    .map(p -> owner.processStart().isEmpty()
                            || p.info().startInstant().isEmpty()
                            || p.info().startInstant().equals(owner.processStart()))
                    .orElse(false);
        };
    }
}
