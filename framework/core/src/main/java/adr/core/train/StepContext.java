package adr.core.train;

/**
 * Where training is about to step.
 *
 * @param epoch from 1
 * @param globalStep steps completed before this one, from 0
 * @param samples the dataset index of every image of the step's batch (the reuse cluster
 *     cache follows images across epochs by it); null when not known
 */
public record StepContext(int epoch, long globalStep, int stepsInEpoch, long totalSteps, int[] samples) {

    /** A step whose batch's images are not known by dataset index. */
    public StepContext(int epoch, long globalStep, int stepsInEpoch, long totalSteps) {
        this(epoch, globalStep, stepsInEpoch, totalSteps, null);
    }
}
