package dev.andon.core.model;

import dev.andon.core.spi.Parameters;

/**
 * A probe as written in a hypothesis or a method step.
 *
 * @param name       the name shown in output and journals
 * @param probe      the probe's registered name, e.g. {@code http}
 * @param parameters the probe's parameters
 * @param expect     what the observation must satisfy
 */
public record ProbeSpec(String name, String probe, Parameters parameters, Expectation expect) {
}
