package dev.andon.cli.gameday;

import dev.andon.core.engine.ProbeSample;
import dev.andon.core.gameday.GameDay;
import dev.andon.core.gameday.GameDayEvent;
import dev.andon.core.gameday.GameDayListener;
import dev.andon.core.gameday.GameDayStep;
import dev.andon.core.model.Durations;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The game day on the coordinator's terminal: the current step and the next, a countdown for waits, the live
 * state of the running experiment's probes, and the prompt at checkpoints. Plain lines (no cursor tricks), so
 * it reads the same in a terminal, a CI log and a screen recording.
 */
final class GameDayTerminal implements GameDayListener {

    static final String KEYS = "keys: n <text> adds a note · s skips the step · h pulls the cord (halt) · at a checkpoint: yes|no [note]";

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    /** The live probe line is repeated at most this often, besides every change of a probe's verdict. */
    private static final Duration PROBE_LINE_EVERY = Duration.ofSeconds(2);

    private final PrintWriter out;
    private int total;
    private final Map<String, ProbeSample> latest = new LinkedHashMap<>();
    private Instant lastProbeLine = Instant.EPOCH;

    GameDayTerminal(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void on(GameDayEvent event) {
        if (event instanceof GameDayEvent.Started s) {
            header(s.gameDay());
        } else if (event instanceof GameDayEvent.StepStarted s) {
            latest.clear();
            line(s.at(), "▶ step " + s.step() + "/" + total + " " + s.what().describe());
            s.next().ifPresentOrElse(n -> more("next: " + n.describe()), () -> more("next: the end"));
            if (s.what() instanceof GameDayStep.Checkpoint c) {
                more("? " + c.question() + "   answer: yes|no [note]");
            }
        } else if (event instanceof GameDayEvent.StepEnded e) {
            line(e.at(), "■ step " + e.step() + " " + e.outcome() + (e.summary().isEmpty() ? "" : ": " + e.summary()));
        } else if (event instanceof GameDayEvent.Countdown c) {
            long seconds = (c.remaining().toMillis() + 999) / 1000;
            if (seconds % 5 == 0 || seconds <= 3) {
                line(c.at(), "  ⏳ " + seconds + "s left");
            }
        } else if (event instanceof GameDayEvent.Sampled s) {
            probe(s.sample());
        } else if (event instanceof GameDayEvent.Injected i) {
            line(i.at(), "  ⚡ injection: " + i.action() + (i.target().isEmpty() ? "" : " on " + shorten(i.target())) + " — " + i.summary());
        } else if (event instanceof GameDayEvent.HypothesisChanged h) {
            line(h.at(), h.holds() ? "  ✓ hypothesis holds again" : "  ✗ hypothesis broke: " + h.reason());
        } else if (event instanceof GameDayEvent.RolledBack r) {
            line(r.at(), "  ↺ " + r.action() + (r.target().isEmpty() ? "" : " on " + shorten(r.target())) + " " + r.status() + ": " + r.summary());
        } else if (event instanceof GameDayEvent.Answered a) {
            line(a.at(), "  answer: " + (a.yes() ? "yes" : "no") + (a.note().isEmpty() ? "" : " — " + a.note()) + " (" + a.by() + ")");
        } else if (event instanceof GameDayEvent.Noted n) {
            line(n.at(), "  ✎ " + (n.source().equals("step") ? "" : n.source() + ": ") + n.text());
        } else if (event instanceof GameDayEvent.Halted h) {
            line(h.at(), "⛔ HALT (" + h.cause() + "): " + h.reason());
        } else if (event instanceof GameDayEvent.Ended e) {
            line(e.at(), "══ game day " + e.outcome().spelling() + ": " + e.reason());
        }
        out.flush();
    }

    private void header(GameDay g) {
        total = g.steps().size();
        out.println("══ " + g.title() + " ══");
        g.objectives().forEach(o -> out.println("objective: " + o));
        String roles = Map.of("owner", g.roles().owner(), "coordinator", g.roles().coordinator(), "reporter", g.roles().reporter())
                .entrySet().stream().filter(e -> !e.getValue().isEmpty()).sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(" · "));
        if (!roles.isEmpty() || !g.roles().observers().isEmpty()) {
            out.println("roles: " + roles + (g.roles().observers().isEmpty() ? "" : " · observers " + String.join(", ", g.roles().observers())));
        }
        out.println(total + " steps" + (g.abort().isEmpty() ? "" : " · abort criteria: "
                + g.abort().probes().stream().map(p -> p.name()).collect(Collectors.joining(", "))
                + " (every " + Durations.format(g.abort().interval()) + ")"));
        out.println(KEYS);
        out.println();
    }

    private void probe(ProbeSample sample) {
        ProbeSample before = latest.put(sample.probe(), sample);
        boolean changed = before == null || before.passed() != sample.passed();
        if (changed || !sample.at().isBefore(lastProbeLine.plus(PROBE_LINE_EVERY))) {
            lastProbeLine = sample.at();
            line(sample.at(), "  probes: " + latest.values().stream()
                    .map(s -> s.probe() + " " + (s.passed() ? "✓" : "✗") + " " + s.latency().toMillis() + "ms"
                            + (s.passed() || s.failures().isEmpty() ? "" : " (" + s.failures().get(0) + ")"))
                    .collect(Collectors.joining(" · ")));
        }
    }

    /** Targets named by their whole command line would fill the screen; the journal keeps the full name. */
    private static String shorten(String target) {
        return target.length() <= 60 ? target : target.substring(0, 28) + " … " + target.substring(target.length() - 28);
    }

    private void line(Instant at, String text) {
        out.println("[" + CLOCK.format(at) + "] " + text);
    }

    private void more(String text) {
        out.println("           " + text);
    }
}
