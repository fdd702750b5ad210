package adr.spi.strategy;

import java.util.List;

/**
 * A read-only view of training so far, for strategies and policies. Values describe
 * completed steps; lists are unmodifiable snapshots or views.
 */
public interface TrainingView {

    /** Steps completed in this run, from 0. */
    long step();

    /** The current epoch, from 1. */
    int epoch();

    long stepsPerEpoch();

    long totalSteps();

    /** The training loss of recent steps, oldest first (at most a few hundred). */
    List<Double> recentLosses();

    /** Test accuracy after each completed epoch that was evaluated. */
    List<Double> testAccuracies();

    /** The last measured statistics of a convolution layer, or null before its first step. */
    LayerStats layer(String name);

    /**
     * One layer's last step.
     *
     * @param remainingRatio {@code r_c}; 1 for an exact step
     * @param seconds wall time of the layer's forward and backward
     */
    record LayerStats(double remainingRatio, double seconds) {
    }
}
