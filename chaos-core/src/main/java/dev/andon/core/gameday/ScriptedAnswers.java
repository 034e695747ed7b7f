package dev.andon.core.gameday;

import dev.andon.core.load.FieldType;
import dev.andon.core.load.FieldTypes;
import dev.andon.core.load.InvalidFileException;
import dev.andon.core.load.MapReader;
import dev.andon.core.load.Node;
import dev.andon.core.load.Problem;
import dev.andon.core.load.Problems;
import dev.andon.core.load.SourceParser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checkpoint answers from a file, in the order of the checkpoints, for rehearsals and tests:
 *
 * <pre>
 * answers:
 *   - checkpoint: front-stayed-up   # optional: the step's name, checked
 *     answer: yes                    # yes or no
 *     note: the front answered throughout
 * </pre>
 */
public final class ScriptedAnswers implements CheckpointAnswers {

    /** One scripted answer; {@code checkpoint} empty when the file does not name it. */
    public record Scripted(Optional<String> checkpoint, Answer answer, int line, int column) {
    }

    private final String file;
    private final List<Scripted> answers;
    private int next;

    private ScriptedAnswers(String file, List<Scripted> answers) {
        this.file = file;
        this.answers = List.copyOf(answers);
    }

    public static ScriptedAnswers load(Path file) throws InvalidFileException {
        return read(file.toString(), SourceParser.parse(file));
    }

    public static ScriptedAnswers parse(String name, String text) throws InvalidFileException {
        return read(name, SourceParser.parse(name, text));
    }

    private static ScriptedAnswers read(String file, Node root) throws InvalidFileException {
        Problems problems = new Problems(file);
        List<Scripted> out = new ArrayList<>();
        MapReader.of(root, "the answer file", problems).ifPresent(top -> {
            top.required("answers", FieldTypes.LIST).ifPresent(list -> {
                for (Node item : list.items()) {
                    MapReader.of(item, "an answer", problems).ifPresent(m -> {
                        Optional<Boolean> yes = m.required("answer", YES_OR_NO);
                        String note = m.string("note").orElse("");
                        Optional<String> checkpoint = m.string("checkpoint");
                        m.finish();
                        yes.ifPresent(y -> out.add(new Scripted(checkpoint, new Answer(y, note, "answer file"), m.node().line(), m.node().column())));
                    });
                }
            });
            top.finish();
        });
        problems.throwIfAny();
        return new ScriptedAnswers(file, out);
    }

    /** {@code yes}/{@code no}, or YAML's true/false (an unquoted yes is read as true by YAML 1.1 parsers). */
    private static final FieldType<Boolean> YES_OR_NO = new FieldType<>() {
        @Override
        public String expected() {
            return "yes or no";
        }

        @Override
        public Optional<Boolean> read(String key, Node node, Problems problems) {
            if (node instanceof Node.Scalar sc && sc.value() instanceof Boolean b) {
                return Optional.of(b);
            }
            if (node instanceof Node.Scalar sc && sc.value() instanceof String t && (t.equalsIgnoreCase("yes") || t.equalsIgnoreCase("no"))) {
                return Optional.of(t.equalsIgnoreCase("yes"));
            }
            problems.at(node, "answer must be yes or no, but was " + FieldTypes.describe(node), "write answer: yes");
            return Optional.empty();
        }
    };

    /** Checks, before anything runs, that there is one answer per checkpoint and that named answers match. */
    public void check(GameDay gameDay) throws InvalidFileException {
        List<GameDayStep.Checkpoint> checkpoints = gameDay.steps().stream()
                .filter(GameDayStep.Checkpoint.class::isInstance).map(GameDayStep.Checkpoint.class::cast).toList();
        List<Problem> problems = new ArrayList<>();
        if (checkpoints.size() != answers.size()) {
            problems.add(new Problem(file, 0, 0, "the answer file has " + answers.size() + " answers but " + gameDay.source() + " has "
                    + checkpoints.size() + " checkpoints", "give one answer per checkpoint, in order"));
        }
        for (int i = 0; i < Math.min(checkpoints.size(), answers.size()); i++) {
            Scripted s = answers.get(i);
            String expected = checkpoints.get(i).name();
            if (s.checkpoint().isPresent() && !s.checkpoint().get().equals(expected)) {
                problems.add(new Problem(file, s.line(), s.column(), "answer " + (i + 1) + " is for checkpoint '" + s.checkpoint().get()
                        + "' but checkpoint " + (i + 1) + " is '" + expected + "'", "answers follow the checkpoints' order"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFileException(problems);
        }
    }

    @Override
    public synchronized Optional<Answer> poll(int step, GameDayStep.Checkpoint checkpoint, Duration wait) {
        if (next >= answers.size()) {
            throw new IllegalStateException("the answer file " + file + " has no answer left for checkpoint '" + checkpoint.name() + "'");
        }
        return Optional.of(answers.get(next++).answer());
    }
}
