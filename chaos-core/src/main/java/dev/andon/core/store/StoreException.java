package dev.andon.core.store;

/** The store could not be read or written: the database is unreachable, refused, or its schema is too new. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
