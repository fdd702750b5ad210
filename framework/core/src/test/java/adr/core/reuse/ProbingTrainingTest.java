package adr.core.reuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import adr.core.data.Augmentation;
import adr.core.data.Dataset;
import adr.core.data.DatasetSource;
import adr.core.data.DatasetSplits;
import adr.core.data.Normalization;
import adr.core.model.ModelCatalog;
import adr.core.nn.ConvAlgorithm;
import adr.core.nn.Network;
import adr.core.random.Seeds;
import adr.core.train.EpochReport;
import adr.core.train.LearningRateSchedule;
import adr.core.train.SgdMomentum;
import adr.core.train.StepContext;
import adr.core.train.StepReport;
import adr.core.train.Trainer;
import adr.core.train.TrainingListener;
import adr.core.train.TrainingLoop;
import adr.core.train.TrainingPlan;
import adr.core.train.TrainingProgress;
import adr.core.train.TrainingResult;
import adr.spi.config.Config;
import adr.spi.reuse.ReuseScope;
import adr.spi.reuse.ReuseSetting;
import adr.spi.strategy.AdaptationStrategy;
import adr.spi.strategy.LayerDecision;
import adr.spi.strategy.OutputError;
import adr.spi.strategy.ProbeResult;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** Probing measures the layers without changing what training computes (two epochs, evaluation between). */
class ProbingTrainingTest {
    private static final ReuseSetting COARSE = new ReuseSetting(25, 4);
    private static final ReuseSetting FINE = new ReuseSetting(25, 6);

    @BeforeAll
    static void needsFashionMnist() {
        assumeTrue(Files.isDirectory(DatasetSource.FASHION_MNIST_DIRECTORY),
                "Fashion-MNIST not installed (apt-get install dataset-fashion-mnist; ./adr test does it)");
    }

    /** The controller, and every step's loss. */
    private record Recording(ReuseController controller, List<Double> losses) implements TrainingListener {
        @Override
        public void beforeStep(StepContext context) {
            controller.beforeStep(context);
        }

        @Override
        public void onStep(StepReport step) {
            controller.onStep(step);
            losses.add(step.loss());
        }

        @Override
        public void onEvaluationStart(int epoch) {
            controller.onEvaluationStart(epoch);
        }

        @Override
        public void onEpochEnd(EpochReport epoch) {
            controller.onEpochEnd(epoch);
        }
    }

    private record Run(List<Double> losses, double accuracy) {
    }

    /**
     * Trains cifarnet with {@code setting} on every convolution (null = exact), the strategy
     * probing or not; with {@code probes}, each step's error-only probe of the coarse level
     * follows its full probe in {@code errors}.
     */
    private static Run train(ReuseSetting setting, List<ProbeResult> probes, List<OutputError> errors) {
        DatasetSplits data = DatasetSource.parse("fashion-mnist").load();
        Dataset train = data.train().limit(192);
        Dataset test = data.test().limit(200);
        Seeds seeds = new Seeds(7);
        Network net = ModelCatalog.build("cifarnet", train.sampleShape(), train.classes(), seeds, DataType.FLOAT,
                ConvAlgorithm.AUTO);
        AdaptationStrategy strategy = (layer, current, view) -> {
            if (probes != null) {
                view.probe(layer.name(), COARSE).ifPresent(probes::add);
                view.probeError(layer.name(), COARSE).ifPresent(errors::add);
                view.probe(layer.name(), FINE).ifPresent(probes::add);
                assertThat(view.probe("fc1", FINE)).as("not a convolution").isEmpty();
                assertThat(view.probeError("fc1", FINE)).as("not a convolution").isEmpty();
            }
            return new LayerDecision(setting, "test");
        };
        var controller = new ReuseController(net, new ReuseProbeTest.TestClustering(() -> new FixedClustering(16)),
                Config.defaults(List.of()), strategy, (layer, proposed, view) -> ReuseScope.FORWARD_AND_WEIGHTS, seeds,
                change -> { });
        var recording = new Recording(controller, new ArrayList<>());
        var plan = new TrainingPlan(2, 32, 100, new LearningRateSchedule.Cosine(0.02, 0.05, 0.01),
                Augmentation.NONE, true);
        TrainingResult result = new TrainingLoop(new Trainer(net, new SgdMomentum(net.parameters(), 0.9, 5e-4)),
                plan, seeds, Normalization.fit(train), recording).run(train, test, TrainingProgress.START);
        return new Run(recording.losses(), result.test().accuracy());
    }

    @Test
    void probingDoesNotChangeTheLossSequenceOrTheAccuracy() {
        for (ReuseSetting setting : new ReuseSetting[] {null, new ReuseSetting(25, 5)}) {
            List<ProbeResult> probes = new ArrayList<>();
            List<OutputError> errors = new ArrayList<>();
            Run plain = train(setting, null, null);
            Run probing = train(setting, probes, errors);

            assertThat(probing.losses()).as("with " + setting).hasSize(12).isEqualTo(plain.losses());
            assertThat(probing.accuracy()).isEqualTo(plain.accuracy());
            // two convolutions, two settings, every step but the first (which starts the recording)
            assertThat(probes).hasSize(2 * 2 * 11);
            assertThat(probes).allSatisfy(p -> assertThat(p.relativeError()).isBetween(0.0, 10.0));
            // the forward-only probe measures what the full one measures for the same level and step
            assertThat(errors).hasSize(2 * 11);
            for (int i = 0; i < errors.size(); i++) {
                ProbeResult full = probes.get(2 * i);
                assertThat(errors.get(i).relativeError()).isCloseTo(full.relativeError(), within(1e-5));
                assertThat(errors.get(i).remainingRatio()).isEqualTo(full.remainingRatio());
            }
        }
    }
}
