package adr.core.reuse;

import static org.assertj.core.api.Assertions.assertThat;

import adr.core.nn.Conv2d;
import adr.core.nn.ConvAlgorithm;
import adr.core.nn.ConvGeometry;
import adr.core.nn.Network;
import adr.core.random.Seeds;
import adr.core.train.StepContext;
import adr.core.train.StepReport;
import adr.spi.LayerShape;
import adr.spi.config.Config;
import adr.spi.reuse.ReuseScope;
import adr.spi.reuse.ReuseSetting;
import adr.spi.strategy.AdaptationStrategy;
import adr.spi.strategy.LayerDecision;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A batch whose reuse arrays would not fit in Java arrays keeps the layer exact, and says why once. */
class ReuseCapacityTest {
    private static final LayerShape CIFARNET_CONV2 = new LayerShape("conv2", 64, 64, 5, 1, 2);
    private static final ReuseSetting DEFAULT = new ReuseSetting(5, 10);
    private static final ReuseCapacity.PerImage CONV2_SIZE = new ReuseCapacity.PerImage(14 * 14, 64 * 14 * 14);
    private static final ReuseSetting COARSE = new ReuseSetting(9, 2);
    @Test
    void aSettingTooLargeForTheBatchIsNotProbedAndStartsNoRecording() {
        List<Optional<?>> probed = new ArrayList<>();
        AdaptationStrategy probing = (layer, current, view) -> {
            probed.add(view.probe(layer.name(), COARSE));
            probed.add(view.probeError(layer.name(), COARSE));
            return LayerDecision.exact("probing only");
        };
        Conv2d conv = conv();
        train(conv, new int[][] {{0, 1}, {2, 3}, {0, 1}}, probing, new ArrayList<>());

        assertThat(probed).hasSize(6).allSatisfy(result -> assertThat(result).isEmpty());
        assertThat(conv.lastTrainingInput()).as("the layer does not copy its input for probes that cannot run")
                .isEmpty();
    }

    private static final AdaptationStrategy ALWAYS_COARSE = (layer, current, view) -> new LayerDecision(COARSE,
            "always coarse");

    @Test
    void cifarNetConv2AtTheDefaultsOverflowsAJavaArrayAtBatch4096() {
        // 320 groups x 4096 x 14 x 14 rows x 10 hash projections
        assertThat(ReuseCapacity.largestArray(CIFARNET_CONV2, DEFAULT, 196, 4096)).isEqualTo(2_569_011_200L);
        assertThat(ReuseCapacity.JAVA_ARRAYS.refusal(CIFARNET_CONV2, DEFAULT, CONV2_SIZE, 4096)).contains("batch"
                + " 4096 too large to reuse L=5 H=10: its largest array would hold 2,569,011,200 elements, more"
                + " than one array may (2,147,483,639); batches of up to 3423 images reuse it");
        assertThat(ReuseCapacity.JAVA_ARRAYS.refusal(CIFARNET_CONV2, DEFAULT, CONV2_SIZE, 3423)).isEmpty();
    }

    @Test
    void cifarNetConv1sOutputOutgrowsABufferViewBeforeItsArraysDo() {
        // one channel in, 64 out at 28 x 28: the output is 50,176 floats per image, 536,870,911 in a view
        LayerShape conv1 = new LayerShape("conv1", 1, 64, 5, 1, 2);
        var size = new ReuseCapacity.PerImage(28 * 28, 28 * 28);
        assertThat(ReuseCapacity.JAVA_ARRAYS.refusal(conv1, DEFAULT, size, 10_699)).isEmpty();
        assertThat(ReuseCapacity.JAVA_ARRAYS.refusal(conv1, DEFAULT, size, 16_384)).contains("batch 16384 too large"
                + " to reuse L=5 H=10: its output or input gradient would hold 822,083,584 floats, more than one"
                + " buffer view may (536,870,911); batches of up to 10699 images reuse it");
    }

    @Test
    void theClusterTablesCountWhenTheyAreTheLargest() {
        // H=30 allows a cluster per row: G x N x M tables outgrow the G x N x H projections
        ReuseSetting fine = new ReuseSetting(5, 30);
        assertThat(ReuseCapacity.largestArray(CIFARNET_CONV2, fine, 196, 2)).isEqualTo(320L * 2 * 196 * 64);
    }

    @Test
    void theControllerKeepsATooLargeBatchExactAndRecordsTheRefusalOnce() {
        List<ReuseChange> changes = new ArrayList<>();
        // an epoch's short last batch of one image would fit, but the run's batch size decides
        List<Boolean> reused = train(new int[][] {{0, 1}, {2, 3}, {4}, {0, 1}}, ALWAYS_COARSE, changes);

        assertThat(reused).containsExactly(false, false, false, false);
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).to()).isNull();
        assertThat(changes.get(0).reason()).isEqualTo("always coarse; batch 2 too large to reuse L=9 H=2: its largest"
                + " array would hold 648 elements, more than one array may (400); batches of up to 1 image reuse"
                + " it, so it stays exact");
    }

    @Test
    void aBatchThatFitsReuses() {
        List<ReuseChange> changes = new ArrayList<>();
        assertThat(train(new int[][] {{0}, {1}}, ALWAYS_COARSE, changes)).containsExactly(true, true);
        assertThat(changes).singleElement().satisfies(c -> assertThat(c.to()).isEqualTo(COARSE));
    }

    @Test
    void strategiesAreToldWhichSettingsTheBatchIsTooLargeFor() {
        List<Optional<String>> told = new ArrayList<>();
        AdaptationStrategy asking = (layer, current, view) -> {
            told.add(view.reuseRefusal(layer.name(), COARSE));
            told.add(view.reuseRefusal("no-such-layer", COARSE));
            return LayerDecision.exact("asking only");
        };
        train(new int[][] {{0, 1}}, asking, new ArrayList<>());
        train(new int[][] {{0}}, asking, new ArrayList<>());

        assertThat(told.get(0)).hasValueSatisfying(reason -> assertThat(reason).startsWith("batch 2 too large"));
        assertThat(told.subList(1, 4)).allSatisfy(reason -> assertThat(reason).isEmpty());
    }


    /**
     * Trains a one-convolution network on 6x6 images, one step per batch of sample indices,
     * with {@code strategy} and a capacity of 400 elements
     * (the unfolded rows take 1 group x 36 pixels x 9 = 324 per image); returns per step
     * whether the layer reused.
     */
    private static List<Boolean> train(int[][] batches, AdaptationStrategy strategy, List<ReuseChange> changes) {
        return train(conv(), batches, strategy, changes);
    }

    private static Conv2d conv() {
        return new Conv2d("conv1", new ConvGeometry(1, 3, 3, 1, 1), ConvAlgorithm.NATIVE,
                Nd4j.rand(DataType.FLOAT, 3, 1, 3, 3), Nd4j.zeros(DataType.FLOAT, 3), false);
    }

    private static List<Boolean> train(Conv2d conv, int[][] batches, AdaptationStrategy strategy,
            List<ReuseChange> changes) {
        Network network = new Network("one-conv", new long[] {1, 6, 6}, List.of(conv));
        ReuseController controller = new ReuseController(network,
                new ReuseProbeTest.TestClustering(() -> new FixedClustering(2)), Config.defaults(List.of()),
                strategy, (layer, proposed, view) -> ReuseScope.FORWARD_AND_WEIGHTS, new Seeds(3), changes::add,
                new ReuseCapacity(400, 1_000_000));
        List<Boolean> reused = new ArrayList<>();
        for (int step = 0; step < batches.length; step++) {
            int images = batches[step].length;
            controller.beforeStep(new StepContext(1, step, batches.length, batches.length, batches[step]));
            reused.add(controller.kernelOf("conv1") != null);
            INDArray y = network.forward(Nd4j.rand(DataType.FLOAT, images, 1, 6, 6), true);
            network.backward(Nd4j.onesLike(y));
            controller.onStep(new StepReport(1, step + 1, batches.length, step, 1.0, 0.01, images, 0.01));
        }
        return reused;
    }
}
