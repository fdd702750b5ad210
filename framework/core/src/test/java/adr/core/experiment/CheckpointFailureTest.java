package adr.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import adr.core.checkpoint.CheckpointException;
import adr.core.data.DatasetSource;
import adr.core.nn.ConvAlgorithm;
import adr.core.train.EpochReport;
import adr.core.train.TrainingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint that cannot be written fails the run after the epoch's results are recorded, not instead of them. */
class CheckpointFailureTest {

    /** Makes the checkpoint directory a file once training starts, as a full or lost disk would break it. */
    private static final class BreakCheckpointsAndRecord implements TrainingListener {
        final List<EpochReport> epochs = new ArrayList<>();
        private final Path checkpoints;

        BreakCheckpointsAndRecord(Path checkpoints) {
            this.checkpoints = checkpoints;
        }

        @Override
        public void onEpochStart(int epoch, int steps) {
            try {
                Files.deleteIfExists(checkpoints);
                Files.writeString(checkpoints, "not a directory");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void onEpochEnd(EpochReport epoch) {
            epochs.add(epoch);
        }
    }

    @Test
    void theEpochsEvaluationIsHeardBeforeTheRunFails(@TempDir Path dir) {
        assumeTrue(Files.isDirectory(DatasetSource.FASHION_MNIST_DIRECTORY), "Fashion-MNIST not installed");
        Path checkpoints = dir.resolve("ckpt");
        ExperimentConfig config = new ExperimentConfig("cifarnet", "fashion-mnist", 2, 64, 64, 0.02, "cosine", 0.9,
                5e-4, 5, 128, 256, 0, false, ConvAlgorithm.AUTO, checkpoints, null, ReuseConfig.defaults());
        BreakCheckpointsAndRecord listener = new BreakCheckpointsAndRecord(checkpoints);

        assertThatThrownBy(() -> new ExperimentRunner(config, listener).run()).isInstanceOf(CheckpointException.class);

        assertThat(listener.epochs).as("the first epoch ended, was evaluated and heard of; no second one")
                .singleElement().satisfies(e -> assertThat(e.test()).isNotNull());
    }
}
