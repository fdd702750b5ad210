package adr.tracking.events;

import java.util.Map;

/**
 * The run finished all its epochs.
 *
 * @param wallSeconds this process's time from its first step to the final evaluation
 * @param meanRemainingRatio mean r_c per convolution over the run (1 when exact)
 */
public record RunCompleted(double testAccuracy, double testLoss, double wallSeconds, double trainSeconds,
        double imagesPerSecond, long imagesTrained, int epochs, long globalStep,
        Map<String, Double> meanRemainingRatio) implements EventPayload {
}
