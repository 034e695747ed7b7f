package dev.andon.core.local;

import java.util.List;

/** POSIX signal names as written in experiment files, without the {@code SIG} prefix. */
final class Signals {

    static final String TERM = "TERM";
    static final String KILL = "KILL";
    static final String STOP = "STOP";
    static final String CONT = "CONT";

    /** What {@code process.kill} sends: faults, from a polite stop to a freeze. */
    static final List<String> FAULTS = List.of(TERM, KILL, STOP, "INT", "HUP", "QUIT", "USR1", "USR2");

    /** What {@code process.signal} sends: the faults plus the ones that undo or nudge. */
    static final List<String> ANY = List.of(TERM, KILL, STOP, "INT", "HUP", "QUIT", "USR1", "USR2", CONT, "TSTP", "ALRM");

    private Signals() {
    }
}
