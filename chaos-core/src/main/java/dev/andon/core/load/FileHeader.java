package dev.andon.core.load;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The part every Andon file shares: {@code apiVersion}, {@code kind}, {@code metadata}, {@code spec}.
 * Loaders of each kind check the header here so a file given to the wrong command says which command
 * reads it.
 */
public final class FileHeader {

    public static final String API_VERSION = "andon.dev/v1";
    public static final List<String> TOP_LEVEL_KEYS = List.of("apiVersion", "kind", "metadata", "spec");

    private static final Map<String, String> COMMAND_FOR_KIND = Map.of(
            "Experiment", "run it with 'andon run FILE' or check it with 'andon validate FILE'",
            "Schedule", "schedules are run by 'andon daemon' from its schedules directory",
            "GameDay", "run it with 'andon gameday run FILE' or preview it with 'andon gameday plan FILE'");

    private FileHeader() {
    }

    /**
     * Checks {@code apiVersion} and {@code kind} of the file's root map.
     *
     * @return false when the file is of another kind, so reading its spec would only add noise
     */
    public static boolean check(MapReader root, String expectedKind) {
        Problems problems = root.problems();
        root.allow(TOP_LEVEL_KEYS);
        Optional<Node.Entry> apiVersion = root.entry("apiVersion");
        if (apiVersion.isEmpty()) {
            problems.at(root.node(), "missing required key 'apiVersion'", "start the file with 'apiVersion: " + API_VERSION + "'");
        } else {
            root.string("apiVersion").filter(v -> !v.equals(API_VERSION)).ifPresent(v -> problems.at(apiVersion.get().value(),
                    "unsupported apiVersion '" + v + "'", "this version of Andon reads 'apiVersion: " + API_VERSION + "'"));
        }
        Optional<Node.Entry> kindEntry = root.entry("kind");
        if (kindEntry.isEmpty()) {
            problems.at(root.node(), "missing required key 'kind'", "add 'kind: " + expectedKind + "'");
            return true;
        }
        Optional<String> kind = root.string("kind");
        if (kind.isEmpty() || kind.get().equals(expectedKind)) {
            return true;
        }
        Node at = kindEntry.get().value();
        if (COMMAND_FOR_KIND.containsKey(kind.get())) {
            problems.at(at, "this is a " + kind.get() + " file, not " + article(expectedKind) + " " + expectedKind + " file",
                    COMMAND_FOR_KIND.get(kind.get()));
            return false;
        }
        problems.at(at, "unknown kind '" + kind.get() + "'", DidYouMean.hint(kind.get(), COMMAND_FOR_KIND.keySet(), "kinds"));
        return false;
    }

    private static String article(String word) {
        return "AEIOU".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }
}
