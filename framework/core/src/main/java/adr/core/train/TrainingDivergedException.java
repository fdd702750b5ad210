package adr.core.train;

import java.util.Locale;

/**
 * The training loss stopped being a finite number. Weights that produced a NaN or
 * infinite loss do not recover, so training stops at once instead of running the rest of
 * the epochs on NaN; the last checkpoint saved before it is left as it was.
 */
public final class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param epoch the epoch, from 1
     * @param step the step within the epoch, from 1
     * @param learningRate the rate the step ran at
     */
    public TrainingDivergedException(double loss, int epoch, int step, double learningRate) {
        super(String.format(Locale.ROOT, "training diverged: the loss became %s at step %d of epoch %d (learning"
                + " rate %.4g); lower --lr and train again", Double.isNaN(loss) ? "NaN" : "infinite", step, epoch,
                learningRate));
    }
}
