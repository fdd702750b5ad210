package adr.tracking.events;

/** The test set was evaluated after {@code epoch}. */
public record EvaluationCompleted(int epoch, double accuracy, double loss, int images) implements EventPayload {
}
