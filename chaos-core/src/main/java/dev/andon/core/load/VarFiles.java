package dev.andon.core.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code --var-file}: a YAML or JSON map of names to scalar values ({@code .yaml}, {@code .yml},
 * {@code .json}), or {@code KEY=VALUE} lines as in a {@code .env} file (blank lines and {@code #} comments
 * allowed, values optionally quoted).
 */
public final class VarFiles {

    private static final Pattern ASSIGNMENT = Pattern.compile("\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.\\-]*)\\s*=(.*)");

    private VarFiles() {
    }

    public static Map<String, String> read(Path file) throws InvalidFileException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InvalidFileException(List.of(new Problem(file.toString(), 0, 0, "no such variables file", "check the --var-file path")));
        } catch (IOException e) {
            throw new InvalidFileException(List.of(new Problem(file.toString(), 0, 0, "cannot read: " + e.getMessage(), "")));
        }
        return read(file.toString(), text);
    }

    /** Reads several files in order; a name set by a later file wins. */
    public static Map<String, String> readAll(List<Path> files) throws InvalidFileException {
        Map<String, String> all = new LinkedHashMap<>();
        for (Path file : files) {
            all.putAll(read(file));
        }
        return all;
    }

    public static Map<String, String> read(String fileName, String text) throws InvalidFileException {
        String lower = fileName.toLowerCase(Locale.ROOT);
        boolean structured = lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json");
        return structured ? readMap(fileName, text) : readLines(fileName, text);
    }

    private static Map<String, String> readMap(String fileName, String text) throws InvalidFileException {
        Problems problems = new Problems(fileName);
        Node root = SourceParser.parse(fileName, text);
        Map<String, String> values = MapReader.of(root, "the variables file", problems)
                .map(reader -> {
                    Map<String, String> out = new LinkedHashMap<>();
                    for (String name : reader.node().entries().keySet()) {
                        reader.string(name).ifPresent(v -> out.put(name, v));
                    }
                    return out;
                })
                .orElse(Map.of());
        problems.throwIfAny();
        return values;
    }

    private static Map<String, String> readLines(String fileName, String text) throws InvalidFileException {
        Problems problems = new Problems(fileName);
        Map<String, String> values = new LinkedHashMap<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            Matcher m = ASSIGNMENT.matcher(line);
            if (!m.matches()) {
                problems.at(i + 1, 1, "expected NAME=VALUE, but was '" + line.strip() + "'",
                        "write one NAME=VALUE per line, or use a .yaml or .json file");
                continue;
            }
            values.put(m.group(1), unquote(m.group(2).strip()));
        }
        problems.throwIfAny();
        return values;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
