package dev.andon.core.spi;

/** The types a part's parameters may have; the loader converts file values into the Java type named. */
public enum ParamType {
    /** {@link String}; numbers and booleans written in the file are accepted and kept as text. */
    STRING,
    /** {@link Long}. */
    INTEGER,
    /** {@link Double}. */
    NUMBER,
    /** {@link Boolean}. */
    BOOLEAN,
    /** {@link java.time.Duration}, written {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, {@code 1d}. */
    DURATION,
    /** {@code List<String>}; a single string is accepted as a list of one. */
    STRING_LIST,
    /** {@code Map<String, String>}, e.g. labels. */
    STRING_MAP,
    /** Any YAML/JSON value, as plain Java maps, lists and scalars; the part checks it in {@link Part#check}. */
    ANY
}
