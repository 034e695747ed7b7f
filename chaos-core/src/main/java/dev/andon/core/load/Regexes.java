package dev.andon.core.load;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Compiles a regex written in a file, reporting a syntax error at the value. */
public final class Regexes {

    private Regexes() {
    }

    public static Optional<Pattern> compile(String key, String regex, Node at, Problems problems) {
        try {
            return Optional.of(Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
            problems.at(at, "'" + key + "': invalid regex '" + regex + "': " + e.getDescription(),
                    "escape special characters such as ( [ { . * + ? with a backslash");
            return Optional.empty();
        }
    }
}
