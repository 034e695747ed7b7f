package dev.andon.core.spi;

/**
 * Observes the system and returns what it saw; the engine judges the observation against the
 * expectation written in the file ({@code expect:}), so probes never decide pass or fail themselves
 * unless they report an {@code ok} value.
 */
public interface Probe extends Part {

    /**
     * Observes once. Failures to observe (connection refused, timeout, API error) are returned as
     * {@link ProbeObservation#failed}, not thrown: a refused connection is a result for the hypothesis.
     */
    ProbeObservation observe(Parameters parameters, RunContext context);
}
