package adr.tracking.projection;

import java.time.Instant;

/**
 * A run continued in a new process.
 *
 * @param at the time of the resumed {@code RunStarted}
 * @param epochsDone complete epochs in the checkpoint it continued from
 * @param step the global step it continued from
 * @param reuseChangesBefore how many reuse changes the run had logged before it, which
 *     places it in the reuse timeline: the new process starts every layer exact until
 *     its strategy sets it again
 */
public record Resume(Instant at, int epochsDone, long step, int reuseChangesBefore) {
}
