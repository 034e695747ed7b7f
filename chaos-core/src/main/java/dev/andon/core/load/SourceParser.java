package dev.andon.core.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads YAML or JSON into {@link Node}s with positions. Syntax errors and duplicate keys become
 * {@link Problem}s; the file is never half-read silently.
 */
public final class SourceParser {

    private static final JsonFactory JSON = new JsonFactory();
    private static final YAMLFactory YAML = new YAMLFactory();

    private SourceParser() {
    }

    public static Node parse(Path file) throws InvalidFileException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InvalidFileException(List.of(new Problem(file.toString(), 0, 0, "no such file", "check the path")));
        } catch (IOException e) {
            throw new InvalidFileException(List.of(new Problem(file.toString(), 0, 0, "cannot read: " + e.getMessage(), "")));
        }
        return parse(file.toString(), text);
    }

    /** Parses text; JSON when the name ends in {@code .json}, YAML otherwise (YAML is a superset of JSON). */
    public static Node parse(String fileName, String text) throws InvalidFileException {
        boolean json = fileName.toLowerCase(Locale.ROOT).endsWith(".json");
        List<Problem> problems = new ArrayList<>();
        try (JsonParser parser = (json ? JSON : YAML).createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new InvalidFileException(List.of(new Problem(fileName, 1, 1, "the file is empty", "start with 'apiVersion: andon.dev/v1'")));
            }
            Node root = read(parser, fileName, problems);
            if (!problems.isEmpty()) {
                throw new InvalidFileException(problems);
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String message = e.getOriginalMessage().lines().findFirst().orElse("syntax error");
            throw new InvalidFileException(List.of(new Problem(fileName, loc == null ? 0 : loc.getLineNr(),
                    loc == null ? 0 : loc.getColumnNr(), (json ? "JSON" : "YAML") + " syntax error: " + message,
                    json ? "check commas, quotes and brackets" : "check indentation and quoting")));
        } catch (IOException e) {
            throw new InvalidFileException(List.of(new Problem(fileName, 0, 0, "cannot read: " + e.getMessage(), "")));
        }
    }

    private static Node read(JsonParser p, String file, List<Problem> problems) throws IOException {
        JsonLocation loc = p.currentTokenLocation();
        int line = loc.getLineNr();
        int column = loc.getColumnNr();
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Node.Entry> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonLocation keyLoc = p.currentTokenLocation();
                    p.nextToken();
                    Node value = read(p, file, problems);
                    Node.Entry previous = entries.put(key, new Node.Entry(key, keyLoc.getLineNr(), keyLoc.getColumnNr(), value));
                    if (previous != null) {
                        problems.add(new Problem(file, keyLoc.getLineNr(), keyLoc.getColumnNr(),
                                "duplicate key '" + key + "' (first at line " + previous.line() + ")", "keep one of them"));
                    }
                }
                return new Node.MapNode(entries, line, column);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p, file, problems));
                }
                return new Node.ListNode(items, line, column);
            }
            case VALUE_STRING -> {
                return new Node.Scalar(p.getText(), line, column);
            }
            case VALUE_NUMBER_INT -> {
                return new Node.Scalar(p.getLongValue(), line, column);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new Node.Scalar(p.getDoubleValue(), line, column);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Node.Scalar(token == JsonToken.VALUE_TRUE, line, column);
            }
            case VALUE_NULL -> {
                return new Node.Scalar(null, line, column);
            }
            default -> {
                problems.add(new Problem(file, line, column, "unexpected " + token, ""));
                return new Node.Scalar(null, line, column);
            }
        }
    }
}
