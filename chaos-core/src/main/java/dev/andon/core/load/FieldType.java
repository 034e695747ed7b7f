package dev.andon.core.load;

import java.util.Optional;

/**
 * How one value of a file is read: what it must look like and how it becomes Java. A value that does not
 * fit is reported to {@link Problems} at its own position and read as empty, so reading goes on and every
 * problem of the file is found in one pass.
 *
 * @param <T> the Java type produced
 */
public interface FieldType<T> {

    /** For messages: {@code a duration like 5s}. */
    String expected();

    /** The value, or empty after reporting why it does not fit. {@code key} names the value in messages. */
    Optional<T> read(String key, Node node, Problems problems);
}
