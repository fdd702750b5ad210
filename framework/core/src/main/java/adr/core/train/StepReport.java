package adr.core.train;

/**
 * What one training step did.
 *
 * @param epoch the 1-based epoch
 * @param step the 1-based step within the epoch
 * @param stepsInEpoch the number of steps in this epoch
 * @param globalStep the 0-based step count over the whole run
 * @param loss the mini-batch loss
 * @param learningRate the rate used for the update
 * @param images images in this step's batch
 * @param seconds wall time of this step: what listeners do before it (a strategy's decisions and
 *     probes), forward, backward and update
 */
public record StepReport(int epoch, int step, int stepsInEpoch, long globalStep, double loss, double learningRate,
        int images, double seconds) {
}
