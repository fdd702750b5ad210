package adr.core.train;

/** Loss and accuracy over a whole dataset, in evaluation mode. */
public record Evaluation(double loss, double accuracy, int count) {
}
