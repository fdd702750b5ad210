package adr.core.train;

/**
 * The end of one epoch.
 *
 * @param trainSeconds time spent in training steps (no evaluation)
 * @param test the test-set evaluation after the epoch, or null when not evaluated
 */
public record EpochReport(int epoch, double trainLoss, double trainAccuracy, int images, double trainSeconds,
        Evaluation test) {
}
