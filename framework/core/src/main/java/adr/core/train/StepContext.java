package adr.core.train;

/**
 * Where training is about to step.
 *
 * @param epoch from 1
 * @param globalStep steps completed before this one, from 0
 */
public record StepContext(int epoch, long globalStep, int stepsInEpoch, long totalSteps) {
}
