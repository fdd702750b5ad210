package adr.tracking.events;

/** An epoch began; {@code steps} is its number of mini-batches. */
public record EpochStarted(int epoch, int steps) implements EventPayload {
}
