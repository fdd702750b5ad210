package adr.tracking.events;

/** A checkpoint that a resume can start from is on disk at {@code path}. */
public record CheckpointSaved(int epochsDone, long globalStep, String path) implements EventPayload {
}
