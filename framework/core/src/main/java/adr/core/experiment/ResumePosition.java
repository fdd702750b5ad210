package adr.core.experiment;

import adr.core.checkpoint.Checkpoint;
import adr.core.data.Dataset;
import adr.core.train.TrainingProgress;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where training continues from a checkpoint when the data, batch size or seed may differ
 * from the checkpoint's. A checkpoint's progress counts steps in its own batches per epoch, and
 * the training loop skips the steps of the current epoch the checkpoint has done, so:
 * <ul>
 * <li>the same dataset, batch size, train limit and seed continue exactly where it stopped;
 * <li>other ones continue from the end of the checkpoint's last full epoch, counting steps
 *     in the new batches per epoch (its steps would otherwise skip batches of the new
 *     epochs, or all of them);
 * <li>a checkpoint that stopped inside an epoch cannot continue with other ones: that
 *     epoch's order of batches is the old one.
 * </ul>
 */
final class ResumePosition {
    private ResumePosition() {
    }

    /**
     * @param train the data this run trains on (after its train limit)
     * @param fullTrain the dataset's whole training split, to count the checkpoint's epoch
     * @throws IllegalArgumentException for a checkpoint stopped inside an epoch whose batches differ
     */
    static TrainingProgress of(Checkpoint checkpoint, ExperimentConfig config, Dataset train, Dataset fullTrain,
            Path from) {
        TrainingProgress progress = checkpoint.progress();
        var now = config.asMap();
        boolean sameBatches = ExperimentConfig.BATCH_KEYS.stream().allMatch(key -> !checkpoint.config().containsKey(key)
                || Objects.equals(checkpoint.config().get(key), now.get(key)));
        if (sameBatches) {
            return progress;
        }
        if (Objects.equals(checkpoint.config().get("dataset"), config.dataset())) {
            long stepsIntoEpoch = progress.globalStep() - (long) progress.epochsDone() * stepsPerEpoch(checkpoint,
                    fullTrain);
            if (stepsIntoEpoch != 0) {
                throw new IllegalArgumentException(from + ": checkpoint stopped inside epoch "
                        + (progress.epochsDone() + 1) + ", at its step " + stepsIntoEpoch + ", with "
                        + settings(checkpoint) + "; continue it with those, or from a checkpoint saved at an epoch's"
                        + " end");
            }
        }
        return new TrainingProgress(progress.epochsDone(), (long) progress.epochsDone() * ceilDiv(train.size(),
                config.batchSize()));
    }

    private static long stepsPerEpoch(Checkpoint checkpoint, Dataset fullTrain) {
        int limit = Integer.parseInt(checkpoint.config().getOrDefault("train-limit", "0"));
        int size = limit > 0 ? Math.min(limit, fullTrain.size()) : fullTrain.size();
        return ceilDiv(size, Integer.parseInt(checkpoint.config().get("batch-size")));
    }

    private static String settings(Checkpoint checkpoint) {
        return "--batch-size " + checkpoint.config().get("batch-size") + " --train-limit "
                + checkpoint.config().getOrDefault("train-limit", "0") + " --seed " + checkpoint.config().get("seed");
    }

    private static long ceilDiv(int a, int b) {
        return (a + (long) b - 1) / b;
    }
}
