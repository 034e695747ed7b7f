package dev.andon.core.local;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The processes Andon never signals, whatever a selector or a journal says: itself, every ancestor (the
 * shell, the terminal, the CI runner or the scheduler's service manager), PID 1 and kernel threads.
 *
 * <p>Killing an ancestor would kill the run that is supposed to measure the fault; killing PID 1 takes
 * down the machine or the container. PowerfulSeal users learnt this the hard way.
 */
final class SelfProtection {

    /** Linux's kernel thread daemon; its children are kernel threads, which signals do not stop. */
    private static final long KTHREADD = 2;

    private final Map<Long, String> protectedPids;

    private SelfProtection(Map<Long, String> protectedPids) {
        this.protectedPids = Map.copyOf(protectedPids);
    }

    /** The protection of the current JVM, computed now: an ancestor that exits is replaced by whoever adopts Andon. */
    static SelfProtection ofCurrentProcess() {
        Map<Long, String> reasons = new LinkedHashMap<>();
        ProcessHandle self = ProcessHandle.current();
        reasons.put(self.pid(), "Andon's own process");
        reasons.put(1L, "PID 1 (init), whose death takes the machine or container down");
        Optional<ProcessHandle> parent = self.parent();
        while (parent.isPresent()) {
            ProcessHandle ancestor = parent.get();
            reasons.putIfAbsent(ancestor.pid(), "an ancestor of Andon (pid " + ProcessSnapshot.of(ancestor).describe() + ")");
            parent = ancestor.parent();
        }
        return new SelfProtection(reasons);
    }

    /** Why this process may never be signalled, or empty when it may. */
    Optional<String> reason(ProcessSnapshot process) {
        String reason = protectedPids.get(process.pid());
        if (reason != null) {
            return Optional.of(reason);
        }
        if (process.pid() == KTHREADD || process.parentPid().filter(p -> p == KTHREADD).isPresent()) {
            return Optional.of("a kernel thread, which signals do not stop");
        }
        return Optional.empty();
    }

    /** Why this PID may never be signalled (for actions given a PID directly, e.g. from a journal). */
    Optional<String> reason(long pid) {
        return Optional.ofNullable(protectedPids.get(pid));
    }
}
