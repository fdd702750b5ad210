package adr.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import adr.core.data.DatasetSource;
import adr.core.nn.ConvAlgorithm;
import adr.core.train.StepReport;
import adr.core.train.StopSignal;
import adr.core.train.TrainingProgress;
import adr.core.train.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run stopped after an epoch and resumed from its checkpoint continues exactly where it was. */
class ResumeFromCheckpointTest {

    @BeforeAll
    static void needsFashionMnist() {
        assumeTrue(Files.isDirectory(DatasetSource.FASHION_MNIST_DIRECTORY),
                "Fashion-MNIST not installed (apt-get install dataset-fashion-mnist; ./adr test does it)");
    }

    private static ExperimentConfig config(int epochs, Path checkpoints, Path resume) {
        return new ExperimentConfig("cifarnet", "fashion-mnist", epochs, 64, 64, 0.02, "cosine", 0.9, 5e-4, 5, 320,
                1000, 0, false, ConvAlgorithm.AUTO, checkpoints, resume, ReuseConfig.defaults());
    }

    private static final class Losses implements TrainingListener {
        final List<Double> values = new ArrayList<>();

        @Override
        public void onStep(StepReport step) {
            values.add(step.loss());
        }
    }

    private static final class SimulatedCrash extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** Dies right after the first epoch's checkpoint is written, as a killed process would. */
    private static final class CrashAfterFirstEpoch implements TrainingListener {
        @Override
        public void onEpochEnd(adr.core.train.EpochReport epoch) {
            throw new SimulatedCrash();
        }
    }

    @Test
    void resumingAfterTheFirstEpochReproducesTheUninterruptedRun(@TempDir Path dir) {
        Losses uninterrupted = new Losses();
        ExperimentOutcome whole = new ExperimentRunner(config(2, null, null), uninterrupted).run();

        Path checkpoint = dir.resolve("ckpt");
        assertThatThrownBy(() -> new ExperimentRunner(config(2, checkpoint, null), new CrashAfterFirstEpoch()).run())
                .isInstanceOf(SimulatedCrash.class);
        Losses secondHalf = new Losses();
        ExperimentOutcome resumed = new ExperimentRunner(config(2, null, checkpoint), secondHalf).run();

        assertThat(secondHalf.values).hasSize(5);
        assertThat(resumed.result().progress().globalStep()).isEqualTo(10);
        assertThat(resumed.result().test().accuracy()).isEqualTo(whole.result().test().accuracy());
        assertThat(secondHalf.values).isEqualTo(uninterrupted.values.subList(5, 10));
    }

    /** Asks the run to stop once {@code steps} steps are done, as a signal handler would. */
    private static final class StopAfter implements TrainingListener {
        final StopSignal signal = new StopSignal();
        final Losses losses = new Losses();
        private final int steps;

        StopAfter(int steps) {
            this.steps = steps;
        }

        @Override
        public void onStep(StepReport step) {
            losses.onStep(step);
            if (losses.values.size() == steps) {
                signal.request();
            }
        }
    }

    @Test
    void aRunStoppedInsideAnEpochResumesWithTheBatchItWouldHaveSeenNext(@TempDir Path dir) {
        Losses uninterrupted = new Losses();
        ExperimentOutcome whole = new ExperimentRunner(config(2, null, null), uninterrupted).run();

        Path checkpoint = dir.resolve("ckpt");
        StopAfter stopper = new StopAfter(7);
        ExperimentOutcome stopped = new ExperimentRunner(config(2, checkpoint, null), RunObserver.of(stopper),
                line -> { }, stopper.signal).run();
        assertThat(stopped.result().stopped()).isTrue();
        assertThat(stopped.result().test()).isNull();
        assertThat(stopped.result().progress()).isEqualTo(new TrainingProgress(1, 7));

        Losses rest = new Losses();
        ExperimentOutcome resumed = new ExperimentRunner(config(2, null, checkpoint), rest).run();

        assertThat(stopper.losses.values).isEqualTo(uninterrupted.values.subList(0, 7));
        assertThat(rest.values).isEqualTo(uninterrupted.values.subList(7, 10));
        assertThat(resumed.result().test().accuracy()).isEqualTo(whole.result().test().accuracy());
    }

    @Test
    void aCheckpointThatAlreadyHasEveryEpochIsRefusedWithTheFix(@TempDir Path dir) {
        Path checkpoint = dir.resolve("ckpt");
        new ExperimentRunner(config(1, checkpoint, null), TrainingListener.NONE).run();

        assertThatThrownBy(() -> new ExperimentRunner(config(1, null, checkpoint), TrainingListener.NONE).run())
                .hasMessageContaining("already has 1 epoch of training; pass --epochs 2 or more to continue");
    }
}
