package dev.andon.core.spi;

/**
 * A platform refused or failed: carries the coordinates it is about so the user can act on one line,
 * e.g. "forbidden: cannot delete pods in namespace shop (needs RBAC verb 'delete' on 'pods')".
 */
public class ProviderException extends Exception {

    /** Why the platform failed, so the engine can tell "the target is gone" from "you lack a permission". */
    public enum Kind {
        /** The target vanished between selection and action: recorded, not a crash. */
        NOT_FOUND,
        /** Missing permission; the message names the verb/IAM action and where. */
        FORBIDDEN,
        /** Throttled beyond the client's retries. */
        THROTTLED,
        /** Cannot reach the platform or bad configuration. */
        UNAVAILABLE,
        /** Anything else. */
        FAILED
    }

    private final Kind kind;

    public ProviderException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ProviderException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
