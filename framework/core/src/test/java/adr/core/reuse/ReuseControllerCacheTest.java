package adr.core.reuse;

import static org.assertj.core.api.Assertions.assertThat;

import adr.core.nn.Conv2d;
import adr.core.nn.ConvAlgorithm;
import adr.core.nn.ConvGeometry;
import adr.core.nn.Network;
import adr.core.random.Seeds;
import adr.core.train.StepContext;
import adr.spi.LayerShape;
import adr.spi.clustering.ClusteringAlgorithm;
import adr.spi.clustering.ClusteringFactory;
import adr.spi.config.Config;
import adr.spi.reuse.ReusePolicy;
import adr.spi.reuse.ReuseScope;
import adr.spi.reuse.ReuseSetting;
import adr.spi.strategy.AdaptationStrategy;
import adr.spi.strategy.LayerDecision;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The controller hands each step's images to the cache, and a setting change empties it
 * and frees the replaced kernel's native memory; a layer nobody probes any more stops
 * recording its input.
 */
class ReuseControllerCacheTest {
    private static final ReuseSetting COARSE = new ReuseSetting(9, 2);
    private static final ReuseSetting FINE = new ReuseSetting(9, 4);
    private static final int[] SAMPLES = {4, 7};

    /** Every algorithm the controller created, in order. */
    private final List<SignKeysClustering> created = new ArrayList<>();
    private final List<ReuseChange> changes = new ArrayList<>();

    private final ClusteringFactory factory = new ClusteringFactory() {
        @Override
        public String name() {
            return "sign-keys";
        }

        @Override
        public String description() {
            return "test";
        }

        @Override
        public ClusteringAlgorithm create(LayerShape layer, ReuseSetting setting, Config config, long seed) {
            SignKeysClustering algorithm = new SignKeysClustering(setting.subVectorLength(), setting.hashBits(), seed);
            created.add(algorithm);
            return algorithm;
        }
    };

    /** A first-layer 3x3 convolution from one channel to three. */
    private static Conv2d firstConv() {
        return new Conv2d("conv1", new ConvGeometry(1, 3, 3, 1, 1), ConvAlgorithm.NATIVE,
                Nd4j.rand(DataType.FLOAT, 3, 1, 3, 3), Nd4j.zeros(DataType.FLOAT, 3), false);
    }

    /** A controller of {@code network} with the test's clustering, recording its changes. */
    private ReuseController controller(Network network, AdaptationStrategy strategy, ReusePolicy policy) {
        return new ReuseController(network, factory, Config.defaults(List.of()), strategy, policy, new Seeds(3),
                changes::add);
    }

    @Test
    void aSettingChangeStartsAnEmptyCache() {
        Conv2d conv = firstConv();
        Network network = new Network("one-conv", new long[] {1, 6, 6}, List.of(conv));
        ReuseSetting[] plan = {COARSE, COARSE, FINE, FINE, COARSE};
        ReuseController controller = controller(network,
                (layer, current, view) -> new LayerDecision(plan[(int) view.step()], "step " + view.step()),
                (layer, proposed, view) -> ReuseScope.FORWARD_AND_WEIGHTS.withClusterCache());
        INDArray images = Nd4j.rand(DataType.FLOAT, 2, 1, 6, 6);

        for (int step = 0; step < plan.length; step++) {
            controller.beforeStep(new StepContext(1, step, plan.length, plan.length, SAMPLES));
            INDArray y = network.forward(images.dup(), true);
            network.backward(Nd4j.onesLike(y));
        }

        assertThat(created).hasSize(3); // coarse, fine, coarse again
        for (SignKeysClustering algorithm : created) {
            assertThat(algorithm.keyCalls).as("batches keyed under one setting: once, then cached").isEqualTo(1);
            assertThat(algorithm.clusterCalls).isZero();
        }
        assertThat(changes).hasSize(3).allSatisfy(c -> assertThat(c.reason())
                .contains("cluster cache: per image"));
    }

    @Test
    void aReplacedKernelFreesItsNativeMemory() {
        Conv2d conv = firstConv();
        Network network = new Network("one-conv", new long[] {1, 6, 6}, List.of(conv));
        ReuseSetting[] plan = {COARSE, COARSE, FINE, null, null};
        ReuseController controller = controller(network, (layer, current, view) -> {
            ReuseSetting next = plan[(int) view.step()];
            return next == null ? LayerDecision.exact("exact from here") : new LayerDecision(next, "plan");
        }, (layer, proposed, view) -> ReuseScope.FORWARD_AND_WEIGHTS);
        INDArray images = Nd4j.rand(DataType.FLOAT, 2, 1, 6, 6);
        List<ReuseConvKernel> kernels = new ArrayList<>();
        List<Boolean> heldAfterStep = new ArrayList<>();

        for (int step = 0; step < plan.length; step++) {
            controller.beforeStep(new StepContext(1, step, plan.length, plan.length, SAMPLES));
            kernels.add(controller.kernelOf("conv1"));
            INDArray y = network.forward(images.dup(), true);
            network.backward(Nd4j.onesLike(y));
            heldAfterStep.add(kernels.get(step) != null && kernels.get(step).holdsNative());
        }

        ReuseConvKernel coarse = kernels.get(0);
        ReuseConvKernel fine = kernels.get(2);
        assertThat(kernels.get(1)).isSameAs(coarse);
        assertThat(fine).isNotSameAs(coarse);
        assertThat(kernels.subList(3, 5)).containsOnlyNulls();
        assertThat(heldAfterStep).containsExactly(true, true, true, false, false);
        assertThat(coarse.holdsNative()).as("freed when the fine level replaced it").isFalse();
        assertThat(fine.holdsNative()).as("freed when the layer went exact").isFalse();
    }

    @Test
    void aLayerNotProbedForAWhileStopsRecordingItsInput() {
        Conv2d conv = firstConv();
        Network network = new Network("one-conv", new long[] {1, 6, 6}, List.of(conv));
        int lastProbe = 2;
        int idle = (int) ReuseController.RECORDING_IDLE_STEPS;
        ReuseController controller = controller(network, (layer, current, view) -> {
            if (view.step() <= lastProbe) {
                view.probe(layer.name(), COARSE);
            }
            return LayerDecision.exact("exact, probing until step " + lastProbe);
        }, (layer, proposed, view) -> ReuseScope.FORWARD_AND_WEIGHTS);
        INDArray images = Nd4j.rand(DataType.FLOAT, 2, 1, 6, 6);
        int total = lastProbe + idle + 3;
        List<Boolean> recorded = new ArrayList<>();

        for (int step = 0; step < total; step++) {
            controller.beforeStep(new StepContext(1, step, total, total, SAMPLES));
            recorded.add(conv.lastTrainingInput().isPresent());
            INDArray y = network.forward(images.dup(), true);
            network.backward(Nd4j.onesLike(y));
        }

        // the probe before step 0 starts recording; the input is there from step 1 on
        assertThat(recorded.get(0)).isFalse();
        assertThat(recorded.subList(1, lastProbe + idle + 1)).containsOnly(true);
        assertThat(recorded.get(lastProbe + idle + 1)).isFalse();
        assertThat(recorded.get(total - 1)).isFalse();
    }
}
