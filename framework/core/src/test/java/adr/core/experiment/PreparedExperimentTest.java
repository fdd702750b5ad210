package adr.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import adr.core.data.DatasetSource;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class PreparedExperimentTest {

    @Test
    void aLimitAboveTheDataIsNamedWithWhatIsUsedInstead() {
        assumeTrue(Files.isDirectory(DatasetSource.FASHION_MNIST_DIRECTORY), "Fashion-MNIST not installed");

        var above = PreparedExperiment.of(ExperimentConfig.defaults().withLimits(1, 100_000, 20_000));
        var within = PreparedExperiment.of(ExperimentConfig.defaults().withLimits(1, 640, 10_000));

        assertThat(above.notes()).containsExactly(
                "train-limit 100000 is above the 60000 images of fashion-mnist train; all 60000 are used",
                "test-limit 20000 is above the 10000 images of fashion-mnist test; all 10000 are used");
        assertThat(within.notes()).isEmpty();
    }

    @Test
    void aCropPaddingThatShiftsImagesOutOfTheFrameIsRefusedBeforeTraining() {
        assumeTrue(Files.isDirectory(DatasetSource.FASHION_MNIST_DIRECTORY), "Fashion-MNIST not installed");

        assertThatThrownBy(() -> PreparedExperiment.of(withCropPadding(28)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("crop-padding 28 shifts the 28x28 images of fashion-mnist train out of the frame; "
                        + "pass --crop-padding 27 or less (a few pixels is usual)");
        assertThat(PreparedExperiment.of(withCropPadding(27)).config().cropPadding()).isEqualTo(27);
    }

    private static ExperimentConfig withCropPadding(int padding) {
        ExperimentConfig d = ExperimentConfig.defaults().withLimits(1, 64, 64);
        return new ExperimentConfig(d.model(), d.dataset(), d.epochs(), d.batchSize(), d.evalBatchSize(),
                d.learningRate(), d.schedule(), d.momentum(), d.weightDecay(), d.seed(), d.trainLimit(),
                d.testLimit(), padding, d.horizontalFlip(), d.convAlgorithm(), d.checkpointDir(), d.resumeFrom(),
                d.reuse());
    }
}
