package adr.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import adr.core.checkpoint.Checkpoint;
import adr.core.data.Dataset;
import adr.core.train.TrainingProgress;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Continuing from a checkpoint whose data or batch size differ from the run's. */
class ResumePositionTest {
    private static final Path FROM = Path.of("/ck");
    /** 640 images: 10 steps per epoch at batch size 64. */
    private static final Dataset FULL = images(640);

    private static Dataset images(int n) {
        return new Dataset("fashion-mnist train", 1, 2, 2, 10, new float[n * 4], new int[n]);
    }

    private static Checkpoint checkpoint(int epochsDone, long globalStep, String batchSize, String trainLimit) {
        return new Checkpoint("cifarnet", new long[] {1, 2, 2}, 10, 1, new TrainingProgress(epochsDone, globalStep),
                Map.of("dataset", "fashion-mnist", "batch-size", batchSize, "train-limit", trainLimit, "seed", "1"),
                Map.of(), Map.of());
    }

    private static ExperimentConfig config(int batchSize, int trainLimit) {
        ExperimentConfig d = ExperimentConfig.defaults().withLimits(5, trainLimit, 0);
        return new ExperimentConfig(d.model(), d.dataset(), d.epochs(), batchSize, d.evalBatchSize(),
                d.learningRate(), d.schedule(), d.momentum(), d.weightDecay(), d.seed(), d.trainLimit(),
                d.testLimit(), d.cropPadding(), d.horizontalFlip(), d.convAlgorithm(), d.checkpointDir(),
                d.resumeFrom(), d.reuse());
    }

    @Test
    void theSameBatchesContinueWhereTheCheckpointStopped() {
        TrainingProgress at = ResumePosition.of(checkpoint(1, 13, "64", "0"), config(64, 0), FULL, FULL, FROM);

        assertThat(at).isEqualTo(new TrainingProgress(1, 13));
    }

    @Test
    void otherBatchesContinueFromTheEpochsEndCountingTheNewSteps() {
        Dataset half = images(320); // train-limit 320: 5 steps per epoch

        TrainingProgress at = ResumePosition.of(checkpoint(2, 20, "64", "0"), config(64, 320), half, FULL, FROM);

        assertThat(at).as("not 20 steps to skip in an epoch of 5").isEqualTo(new TrainingProgress(2, 10));
    }

    @Test
    void aCheckpointInsideAnEpochCannotContinueWithOtherBatches() {
        assertThatThrownBy(() -> ResumePosition.of(checkpoint(1, 13, "64", "0"), config(32, 0), FULL, FULL, FROM))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("/ck: checkpoint stopped inside epoch 2, at its step 3, with --batch-size 64"
                        + " --train-limit 0 --seed 1; continue it with those, or from a checkpoint saved at an"
                        + " epoch's end");
    }
}
