package adr.core.train;

/**
 * Where a run stands: epochs completed and optimisation steps taken (for resuming).
 * {@code globalStep} beyond {@code epochsDone} full epochs means the run stopped inside
 * the next epoch.
 */
public record TrainingProgress(int epochsDone, long globalStep) {
    public static final TrainingProgress START = new TrainingProgress(0, 0);
}
