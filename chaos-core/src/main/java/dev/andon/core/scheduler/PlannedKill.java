package dev.andon.core.scheduler;

import java.time.Instant;

/**
 * A run Chaos Monkey mode decided on: this schedule, at this moment.
 *
 * @param schedule the schedule's name
 * @param at       when it runs
 * @param leashed  whether it will only record what it would kill
 */
public record PlannedKill(String schedule, Instant at, boolean leashed) {
}
