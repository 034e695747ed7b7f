package dev.andon.core.gameday;

import dev.andon.core.load.InvalidFileException;
import dev.andon.core.load.Node;
import dev.andon.core.load.Problem;
import dev.andon.core.load.SourceParser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    private static final Set<String> KEYS = FileReader.keys("checkpoint", "answer", "note");

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
        FileReader r = new FileReader(file);
        List<Scripted> out = new ArrayList<>();
        r.map(root, "the answer file").ifPresent(top -> {
            r.onlyKeys(top, "the answer file", FileReader.keys("answers"));
            Node list = top.get("answers");
            if (!(list instanceof Node.ListNode l)) {
                r.problem(list == null ? top : list, "'answers' must be a list", "write answers: [ {answer: yes, note: ...} ]");
                return;
            }
            for (Node item : l.items()) {
                r.map(item, "an answer").ifPresent(m -> {
                    r.onlyKeys(m, "an answer", KEYS);
                    Node a = m.get("answer");
                    Boolean yes = null;
                    if (a instanceof Node.Scalar s && s.value() instanceof Boolean b) {
                        yes = b;
                    } else if (a instanceof Node.Scalar s && s.value() instanceof String t && (t.equalsIgnoreCase("yes") || t.equalsIgnoreCase("no"))) {
                        yes = t.equalsIgnoreCase("yes");
                    } else {
                        r.problem(a == null ? m : a, a == null ? "missing 'answer'" : "answer must be yes or no", "write answer: yes");
                    }
                    String note = r.string(m, "note", false, m, "an answer").orElse("");
                    Optional<String> checkpoint = r.string(m, "checkpoint", false, m, "an answer");
                    if (yes != null) {
                        out.add(new Scripted(checkpoint, new Answer(yes, note, "answer file"), m.line(), m.column()));
                    }
                });
            }
        });
        if (!r.problems().isEmpty()) {
            throw new InvalidFileException(r.problems());
        }
        return new ScriptedAnswers(file, out);
    }

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
