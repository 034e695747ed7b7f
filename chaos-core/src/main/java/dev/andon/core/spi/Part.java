package dev.andon.core.spi;

import java.util.List;

/** What every named, configurable part of a plugin has in common: a dotted name and the parameters it accepts. */
public interface Part {

    /** Dotted name used in experiment files, for example {@code process.kill}. */
    String name();

    /** One line for {@code andon plugins} and for "did you mean" hints. */
    default String description() {
        return "";
    }

    /** The keys this part accepts; the loader rejects any other key with its file position. */
    List<ParamSpec> parameters();

    /**
     * Checks that need more than types (a regex that must compile, two keys that exclude each other).
     * Each returned string is one problem, reported at the part's position in the file.
     */
    default List<String> check(Parameters parameters) {
        return List.of();
    }
}
