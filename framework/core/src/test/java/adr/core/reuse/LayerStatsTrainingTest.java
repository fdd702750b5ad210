package adr.core.reuse;

import static org.assertj.core.api.Assertions.assertThat;
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
import adr.core.train.LearningRateSchedule;
import adr.core.train.SgdMomentum;
import adr.core.train.Trainer;
import adr.core.train.TrainingLoop;
import adr.core.train.TrainingPlan;
import adr.core.train.TrainingProgress;
import adr.spi.config.Config;
import adr.spi.reuse.ReusePolicy;
import adr.spi.reuse.ReuseScope;
import adr.spi.reuse.ReuseSetting;
import adr.spi.strategy.AdaptationStrategy;
import adr.spi.strategy.LayerDecision;
import adr.spi.strategy.TrainingView.LayerStats;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** The statistics strategies see: exact steps are timed too, and say that they did not reuse. */
class LayerStatsTrainingTest {

    @Test
    void exactAndReuseStepsAreBothTimedAndTellWhetherTheyReused() {
        List<LayerStats> conv1 = new ArrayList<>();
        List<LayerStats> conv2 = new ArrayList<>();
        // conv1 exact, conv2 reused; records what the view says before every step
        AdaptationStrategy strategy = (layer, current, view) -> {
            LayerStats stats = view.layer(layer.name());
            if (stats != null) {
                (layer.name().equals("conv1") ? conv1 : conv2).add(stats);
            }
            return layer.name().equals("conv1") ? LayerDecision.exact("test")
                    : new LayerDecision(new ReuseSetting(25, 4), "test");
        };
        train(96, 1, strategy);

        assertThat(conv1).as("steps 2 and 3").hasSize(2).allSatisfy(s -> {
            assertThat(s.reused()).isFalse();
            assertThat(s.remainingRatio()).isEqualTo(1.0);
            assertThat(s.seconds()).isPositive();
        });
        assertThat(conv2).hasSize(2).allSatisfy(s -> {
            assertThat(s.reused()).isTrue();
            assertThat(s.remainingRatio()).isLessThan(1.0);
            assertThat(s.seconds()).isPositive();
        });
    }

    @Test
    void anEpochsShortLastBatchDoesNotStandForTheLayer() {
        List<LayerStats> seen = new ArrayList<>();
        AdaptationStrategy strategy = (layer, current, view) -> {
            if (layer.name().equals("conv2") && view.layer("conv2") != null) {
                seen.add(view.layer("conv2"));
            }
            return new LayerDecision(new ReuseSetting(25, 4), "test");
        };
        ReuseController controller = train(80, 2, strategy); // batches of 32, 32 and 16 in each epoch

        // 16 clusters per group: r_c = 16 / rows, twice as high on the 16-image batch as on 32
        double fullBatchRatio = seen.get(0).remainingRatio();
        assertThat(seen).as("before steps 2 to 6").hasSize(5)
                .allSatisfy(s -> assertThat(s.remainingRatio()).isEqualTo(fullBatchRatio));
        assertThat(controller.meanRemainingRatio().get("conv2")).as("the mean counts every step")
                .isGreaterThan(fullBatchRatio);
    }

    @Test
    void aPolicyTurningALayerOffIsLoggedWithTheLayersLastRatio() {
        AdaptationStrategy strategy = (layer, current, view) -> new LayerDecision(new ReuseSetting(25, 4), "test");
        // reuse conv2 once, then keep it exact, as a policy judging its measured r_c would
        ReusePolicy onceOnly = (layer, proposed, view) -> !layer.name().equals("conv2") || view.layer("conv2") == null
                ? ReuseScope.FORWARD_AND_WEIGHTS : ReuseScope.EXACT;

        ReuseController controller = train(64, 1, strategy, onceOnly);

        // 16 clusters per group over 32 images of 14 x 14 positions: r_c = 16 / 6272
        assertThat(controller.changes()).filteredOn(c -> c.layer().equals("conv2")).extracting(ReuseChange::reason)
                .containsExactly("test", "test; policy keeps it exact: r_c 0.003 at its last reuse step");
    }

    private static ReuseController train(int images, int epochs, AdaptationStrategy strategy) {
        return train(images, epochs, strategy, (layer, proposed, view) -> ReuseScope.FORWARD_AND_WEIGHTS);
    }

    /** Trains CifarNet on the first {@code images} training images in batches of 32, 16 clusters per group. */
    private static ReuseController train(int images, int epochs, AdaptationStrategy strategy, ReusePolicy policy) {
        assumeTrue(Files.isDirectory(DatasetSource.FASHION_MNIST_DIRECTORY), "Fashion-MNIST not installed");
        DatasetSplits data = DatasetSource.parse("fashion-mnist").load();
        Dataset train = data.train().limit(images);
        Seeds seeds = new Seeds(3);
        Network net = ModelCatalog.build("cifarnet", train.sampleShape(), train.classes(), seeds, DataType.FLOAT,
                ConvAlgorithm.AUTO);
        var controller = new ReuseController(net, new ReuseProbeTest.TestClustering(() -> new FixedClustering(16)),
                Config.defaults(List.of()), strategy, policy, seeds, change -> { });
        var plan = new TrainingPlan(epochs, 32, 100, new LearningRateSchedule.Cosine(0.02, 0.05, 0.01),
                Augmentation.NONE, false);
        new TrainingLoop(new Trainer(net, new SgdMomentum(net.parameters(), 0.9, 5e-4)), plan, seeds,
                Normalization.fit(train), controller).run(train, data.test().limit(32), TrainingProgress.START);
        return controller;
    }
}
