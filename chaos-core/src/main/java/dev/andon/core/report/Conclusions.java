package dev.andon.core.report;

import java.util.ArrayList;
import java.util.List;

/**
 * What a game day showed, sorted for the review: what held, what did not, what was never reached. The team
 * judges its objectives against these; Andon does not pretend to read the objectives.
 */
record Conclusions(String verdict, List<String> held, List<String> findings, List<String> notReached) {

    static Conclusions of(GameDayTrace g) {
        List<String> held = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        List<String> notReached = new ArrayList<>();
        for (GameDayTrace.StepTrace s : g.steps()) {
            String label = "step " + s.step() + " " + s.name();
            switch (s.kind()) {
                case "experiment" -> {
                    String ttr = s.runId().flatMap(g::run).flatMap(RunTrace::timeToRecovery).map(d -> ", recovered in " + Text.duration(d)).orElse("");
                    if (s.outcome().equals("held")) {
                        held.add(label + ": hypothesis held" + ttr);
                    } else if (s.reached() && !s.outcome().equals("skipped")) {
                        findings.add(label + ": " + s.outcome() + (s.summary().isEmpty() ? "" : " — " + s.summary()));
                    }
                }
                case "checkpoint" -> {
                    if (s.outcome().equals("yes")) {
                        held.add(label + ": " + question(s) + " yes" + (s.summary().isEmpty() ? "" : " — " + s.summary()));
                    } else if (s.outcome().equals("no")) {
                        findings.add(label + ": " + question(s) + " no" + (s.summary().isEmpty() ? "" : " — " + s.summary()));
                    }
                }
                default -> {
                }
            }
            if (s.outcome().equals("skipped")) {
                findings.add(label + ": skipped by the operator");
            }
            if (!s.reached()) {
                notReached.add(label + " (" + s.description() + ")");
            }
        }
        g.entries("halt").forEach(h -> findings.add(0, "halted at step " + h.step() + " by " + h.field("cause") + ": " + h.field("reason")));
        String verdict = switch (g.outcome()) {
            case "completed" -> "Every step ran, every experiment held and every checkpoint was answered yes.";
            case "completed-with-findings" -> "Every step ran, with " + findings.size() + " finding" + (findings.size() == 1 ? "" : "s") + " to discuss.";
            case "halted" -> "The game day was halted: " + g.reason();
            case "failed" -> "The game day could not go on: " + g.reason();
            default -> "The game day did not finish (its journal stops while it was running).";
        };
        return new Conclusions(verdict, held, findings, notReached);
    }

    private static String question(GameDayTrace.StepTrace s) {
        String d = s.description();
        return d.startsWith("checkpoint: ") ? "\u201c" + d.substring("checkpoint: ".length()) + "\u201d" : d;
    }
}
