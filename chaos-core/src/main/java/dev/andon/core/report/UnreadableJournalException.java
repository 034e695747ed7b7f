package dev.andon.core.report;

/** A journal file that cannot be turned into a report; the message names the file and the problem. */
public class UnreadableJournalException extends RuntimeException {

    public UnreadableJournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
