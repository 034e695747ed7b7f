package dev.andon.core.load;

import dev.andon.core.model.Metadata;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads {@code metadata}: a required lowercase DNS-like {@code name}, {@code description}, {@code labels}. */
public final class MetadataReader {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private MetadataReader() {
    }

    /** Reads {@code metadata} of the root map, or reports it missing; empty when it cannot be used. */
    public static Optional<Metadata> read(MapReader root) {
        Optional<MapReader> metadata = root.required("metadata", FieldTypes.MAP).map(m -> new MapReader(m, "metadata", root.problems()));
        if (metadata.isEmpty()) {
            return Optional.empty();
        }
        MapReader m = metadata.get();
        Optional<String> name = m.requiredString("name").filter(n -> validName(n, m));
        String description = m.string("description").orElse("");
        var labels = m.stringMap("labels");
        m.finish();
        return name.map(n -> new Metadata(n, description, labels));
    }

    private static boolean validName(String name, MapReader metadata) {
        if (NAME.matcher(name).matches()) {
            return true;
        }
        metadata.problems().at(metadata.node().get("name"),
                "metadata.name '" + name + "' must be lowercase letters, digits and '-' (at most 63, starting and ending with a letter or digit)",
                suggestion(name).map(s -> "for example '" + s + "'").orElse("for example 'kill-one-replica'"));
        return false;
    }

    private static Optional<String> suggestion(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 63) {
            slug = slug.substring(0, 63).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? Optional.empty() : Optional.of(slug);
    }
}
