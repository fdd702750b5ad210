package adr.core.train;

import java.util.List;

/**
 * The outcome of a run.
 *
 * @param wallSeconds from the first step to the end of the final evaluation
 * @param trainSeconds time inside training steps only, including what listeners do before each step
 *     (a strategy's decisions and probes)
 * @param test the final evaluation, null when the run was stopped
 * @param imagesTrained training images processed by this process (resumed epochs excluded)
 * @param stopped true when a {@link StopSignal} ended the run before its last epoch
 */
public record TrainingResult(Evaluation test, double wallSeconds, double trainSeconds, long imagesTrained,
        TrainingProgress progress, List<EpochReport> epochs, boolean stopped) {

    public double imagesPerSecond() {
        return trainSeconds > 0 ? imagesTrained / trainSeconds : 0;
    }
}
