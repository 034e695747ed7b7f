package dev.andon.core.load;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Suggests the closest known word for a misspelled key, name or reference (Levenshtein distance). */
public final class DidYouMean {

    private DidYouMean() {
    }

    /** The closest candidate, when it is close enough to be a plausible typo. */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = word.toLowerCase(Locale.ROOT);
        for (String candidate : candidates) {
            int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        // Short words need a tighter bound, or every two-letter key would "match" every other.
        int allowed = Math.max(2, word.length() / 3);
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /**
     * {@code did you mean 'selector'?} when a candidate is close, otherwise the list of what is allowed
     * ({@code known keys: a, b, c}), or a plain sentence when nothing is allowed at all.
     */
    public static String hint(String word, Collection<String> candidates, String knownNoun) {
        Optional<String> close = closest(word, candidates);
        if (close.isPresent()) {
            return "did you mean '" + close.get() + "'?";
        }
        if (candidates.isEmpty()) {
            return "no " + knownNoun + " are available here";
        }
        return "known " + knownNoun + ": " + String.join(", ", candidates.stream().sorted().toList());
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
