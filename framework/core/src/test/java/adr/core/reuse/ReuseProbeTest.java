package adr.core.reuse;

import static adr.core.reuse.TestArrays.floats;
import static adr.core.reuse.TestArrays.gaussian;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import adr.core.nn.Conv2d;
import adr.core.nn.ConvAlgorithm;
import adr.core.nn.ConvGeometry;
import adr.core.random.Seeds;
import adr.spi.LayerShape;
import adr.spi.clustering.ClusteringAlgorithm;
import adr.spi.clustering.ClusteringFactory;
import adr.spi.config.Config;
import adr.spi.reuse.ReuseScope;
import adr.spi.reuse.ReuseSetting;
import adr.spi.strategy.OutputError;
import adr.spi.strategy.ProbeResult;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The probe against exact-by-construction inputs and a double-precision error computed directly. */
class ReuseProbeTest {
    private static final ReuseScope EXACT = ReuseScope.EXACT;
    private static final ReuseScope ALL = ReuseScope.named("all");

    /** A clustering plugin whose algorithm comes from a supplier, for tests. */
    record TestClustering(Supplier<ClusteringAlgorithm> algorithm) implements ClusteringFactory {
        @Override
        public String name() {
            return "test";
        }

        @Override
        public String description() {
            return "a test clustering";
        }

        @Override
        public ClusteringAlgorithm create(LayerShape layer, ReuseSetting setting, Config config, long seed) {
            return algorithm.get();
        }
    }

    /** The values as the float layer sees them, widened back to double. */
    private static double[] asFloats(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    private static LayerShape shape(ConvGeometry g) {
        return new LayerShape("conv", g.inChannels(), g.outChannels(), g.kernel(), g.stride(), g.padding());
    }

    /** A layer of geometry {@code g} with Gaussian weights and bias drawn from the two seeds. */
    private static Conv2d seededConv(ConvGeometry g, long weightSeed, long biasSeed) {
        int m = g.outChannels();
        int c = g.inChannels();
        int k = g.kernel();
        return new Conv2d("conv", g, ConvAlgorithm.AUTO, floats(gaussian(weightSeed, m * c * k * k), m, c, k, k),
                floats(gaussian(biasSeed, m), m));
    }

    private static ReuseProbe probe(Supplier<ClusteringAlgorithm> algorithm) {
        return new ReuseProbe(new TestClustering(algorithm), Config.defaults(List.of()), new Seeds(1));
    }

    @Test
    void theFirstProbeStartsRecordingAndLaterOnesMeasureTheLastTrainingInput() {
        ConvGeometry g = new ConvGeometry(2, 4, 3, 1, 1);
        Conv2d conv = seededConv(g, 1, 2);
        ReuseProbe probe = probe(() -> new FixedClustering(3));
        ReuseSetting setting = new ReuseSetting(6, 2);

        conv.forward(floats(gaussian(3, 100), 2, 2, 5, 5), true);
        assertThat(probe.measure(conv, shape(g), setting, EXACT, 0)).isEmpty();
        conv.forward(floats(gaussian(4, 100), 2, 2, 5, 5), false);
        assertThat(probe.measure(conv, shape(g), setting, EXACT, 1)).as("evaluation inputs are not recorded")
                .isEmpty();
        conv.forward(floats(gaussian(5, 100), 2, 2, 5, 5), true);
        assertThat(probe.measure(conv, shape(g), setting, EXACT, 2)).isPresent();
    }

    @Test
    void theErrorOnlyProbeStartsRecordingAndMeasuresWhatTheFullProbeMeasures() {
        ConvGeometry g = new ConvGeometry(3, 4, 3, 1, 1);
        Conv2d conv = seededConv(g, 11, 12);
        ReuseProbe probe = probe(() -> new FixedClustering(5));
        ReuseSetting setting = new ReuseSetting(4, 3);

        assertThat(probe.measureError(conv, shape(g), setting, 0)).isEmpty();
        conv.forward(floats(gaussian(10, 150), 2, 3, 5, 5), true);
        OutputError error = probe.measureError(conv, shape(g), setting, 1).orElseThrow();
        OutputError finer = probe.measureError(conv, shape(g), new ReuseSetting(9, 3), 1).orElseThrow();
        ProbeResult full = probe.measure(conv, shape(g), setting, EXACT, 1).orElseThrow();

        assertThat(error.relativeError()).isGreaterThan(0.1).isCloseTo(full.relativeError(), within(1e-6));
        assertThat(error.remainingRatio()).isEqualTo(full.remainingRatio());
        assertThat(finer.relativeError()).as("another level against the same exact forward")
                .isNotEqualTo(error.relativeError());
    }

    @Test
    void theErrorIsZeroWhenSubVectorsRepeatByConstruction() {
        // every patch of a spatially constant image is the same vector (no padding), so
        // exact-equality clustering leaves one cluster per image and group
        ConvGeometry g = new ConvGeometry(3, 8, 3, 1, 0);
        double[] image = new double[2 * 3 * 6 * 6];
        double[] perChannel = gaussian(1, 6);
        for (int i = 0; i < image.length; i++) {
            image[i] = perChannel[i / 36];
        }
        Conv2d conv = seededConv(g, 2, 3);
        ReuseProbe probe = probe(DedupClustering::new);
        probe.measure(conv, shape(g), new ReuseSetting(9, 8), EXACT, 0);
        conv.forward(floats(image, 2, 3, 6, 6), true);

        ProbeResult result = probe.measure(conv, shape(g), new ReuseSetting(9, 8), EXACT, 1).orElseThrow();

        assertThat(result.relativeError()).isLessThan(1e-6); // float rounding only
        assertThat(result.remainingRatio()).isEqualTo(2.0 / (2 * 16)); // 2 clusters of 32 rows per group
        assertThat(result.exactSeconds()).isPositive();
        assertThat(result.reuseSeconds()).isPositive();
    }

    @Test
    void theErrorMatchesOneComputedDirectlyInDoublePrecision() {
        // L = 4 does not divide K = 27: the last group is zero-padded, as in training
        int[] shape = {2, 3, 5, 5};
        int clusters = 5;
        ConvGeometry g = new ConvGeometry(3, 4, 3, 1, 1);
        double[] x = asFloats(gaussian(10, 150));
        double[] w = asFloats(gaussian(11, 4 * 27));
        double[] b = asFloats(gaussian(12, 4));
        Conv2d conv = new Conv2d("conv", g, ConvAlgorithm.AUTO, floats(w, 4, 3, 3, 3), floats(b, 4));
        ReuseProbe probe = probe(() -> new FixedClustering(clusters));
        probe.measure(conv, shape(g), new ReuseSetting(4, 3), EXACT, 0);
        conv.forward(floats(x, 2, 3, 5, 5), true);

        ProbeResult result = probe.measure(conv, shape(g), new ReuseSetting(4, 3), EXACT, 1).orElseThrow();

        double[] reused = reference(shape, g, 4, clusters).forward(x, w, b);
        double[] exact = exactReference(shape, g).forward(x, w, b);
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < exact.length; i++) {
            diff += (reused[i] - exact[i]) * (reused[i] - exact[i]);
            norm += exact[i] * exact[i];
        }
        double expected = Math.sqrt(diff / norm);
        assertThat(expected).isGreaterThan(0.3); // 5 clusters for 50 rows: a coarse approximation
        assertThat(result.relativeError()).isCloseTo(expected, within(1e-5 * expected));
        assertThat(result.remainingRatio()).isCloseTo(5.0 / 50, within(1e-12));
    }

    @Test
    void probingLeavesTheLayerAndItsKernelAlone() {
        ConvGeometry g = new ConvGeometry(2, 4, 3, 1, 1);
        INDArray w = floats(gaussian(1, 72), 4, 2, 3, 3);
        INDArray b = floats(gaussian(2, 4), 4);
        Conv2d probed = new Conv2d("conv", g, ConvAlgorithm.IM2COL, w.dup(), b.dup());
        Conv2d untouched = new Conv2d("conv", g, ConvAlgorithm.IM2COL, w.dup(), b.dup());
        ReuseProbe probe = probe(() -> new FixedClustering(3));
        INDArray x = floats(gaussian(3, 100), 2, 2, 5, 5);
        INDArray dy = floats(gaussian(4, 200), 2, 4, 5, 5);
        probe.measure(probed, shape(g), new ReuseSetting(6, 2), ALL, 0);

        INDArray expected = untouched.forward(x.dup(), true).dup();
        INDArray actual = probed.forward(x.dup(), true).dup();
        probe.measure(probed, shape(g), new ReuseSetting(6, 2), ALL, 1); // a full reuse step, backward included
        // the probe ran between this forward and its backward, which reads what the forward kept
        INDArray expectedGrad = untouched.backward(dy.dup()).dup();
        INDArray actualGrad = probed.backward(dy.dup()).dup();

        assertThat(actual.data().asFloat()).containsExactly(expected.data().asFloat());
        assertThat(actualGrad.data().asFloat()).containsExactly(expectedGrad.data().asFloat());
        assertThat(probed.parameters().get(0).gradient().data().asFloat())
                .containsExactly(untouched.parameters().get(0).gradient().data().asFloat());
    }

    @Test
    void levelsProbedAtOneStepShareTheExactStepAndARepeatMeasuresItAgain() {
        ConvGeometry g = new ConvGeometry(3, 4, 3, 1, 1);
        Conv2d conv = seededConv(g, 11, 12);
        ReuseProbe shared = probe(() -> new FixedClustering(5));
        shared.measure(conv, shape(g), new ReuseSetting(4, 3), EXACT, 0);
        conv.forward(floats(gaussian(10, 150), 2, 3, 5, 5), true);

        ProbeResult coarse = shared.measure(conv, shape(g), new ReuseSetting(4, 3), EXACT, 1).orElseThrow();
        ProbeResult fine = shared.measure(conv, shape(g), new ReuseSetting(9, 3), EXACT, 1).orElseThrow();
        ProbeResult repeat = shared.measure(conv, shape(g), new ReuseSetting(9, 3), EXACT, 1).orElseThrow();
        ProbeResult nextStep = shared.measure(conv, shape(g), new ReuseSetting(4, 3), EXACT, 2).orElseThrow();
        ProbeResult alone = probe(() -> new FixedClustering(5))
                .measure(conv, shape(g), new ReuseSetting(9, 3), EXACT, 1).orElseThrow();

        assertThat(fine.exactSeconds()).as("one exact step for both levels").isEqualTo(coarse.exactSeconds());
        assertThat(repeat.exactSeconds()).as("a timing repeat times exact again").isNotEqualTo(fine.exactSeconds());
        assertThat(nextStep.exactSeconds()).as("a new step, a new reference").isNotEqualTo(repeat.exactSeconds());
        assertThat(fine.relativeError()).as("the shared reference is the layer's exact output")
                .isCloseTo(alone.relativeError(), within(1e-6)).isCloseTo(repeat.relativeError(), within(1e-6));
    }

    @Test
    void theProbeReusesWhatTheLayerReusesNowButAlwaysClustersAfresh() {
        assertThat(ReuseProbe.probeScope(EXACT)).isEqualTo(ReuseScope.named("forward"));
        assertThat(ReuseProbe.probeScope(ALL)).isEqualTo(ALL);
        assertThat(ReuseProbe.probeScope(ALL.withClusterCache())).isEqualTo(ALL);
        assertThat(ReuseProbe.probeScope(ReuseScope.FORWARD_AND_WEIGHTS)).isEqualTo(ReuseScope.FORWARD_AND_WEIGHTS);
    }

    @Test
    void relativeErrorEdgeCases() {
        assertThat(ReuseProbe.relativeError(new float[] {0, 0}, new float[] {0, 0})).isZero();
        assertThat(ReuseProbe.relativeError(new float[] {1, 0}, new float[] {0, 0})).isInfinite();
        assertThat(ReuseProbe.relativeError(new float[] {Float.NaN}, new float[] {1})).isInfinite();
        assertThat(ReuseProbe.relativeError(new float[] {0, 0}, new float[] {3, 4})).isCloseTo(1.0, within(1e-12));
        assertThat(ReuseProbe.relativeError(new float[] {3, 5}, new float[] {3, 4})).isCloseTo(0.2, within(1e-12));
    }

    private static ReuseReference reference(int[] shape, ConvGeometry g, int length, int clusters) {
        ReuseReference sizes = new ReuseReference(shape, g.outChannels(), g.kernel(), g.stride(), g.padding(),
                length, new int[0][0], clusters);
        int[][] ids = new int[sizes.groups()][sizes.rows()];
        for (int grp = 0; grp < ids.length; grp++) {
            for (int r = 0; r < sizes.rows(); r++) {
                ids[grp][r] = FixedClustering.id(r, grp, clusters);
            }
        }
        return new ReuseReference(shape, g.outChannels(), g.kernel(), g.stride(), g.padding(), length, ids, clusters);
    }

    /** Every row its own cluster: the reference computes the exact convolution. */
    private static ReuseReference exactReference(int[] shape, ConvGeometry g) {
        ReuseReference sizes = new ReuseReference(shape, g.outChannels(), g.kernel(), g.stride(), g.padding(),
                g.rowLength(), new int[0][0], 1);
        int[][] ids = new int[1][sizes.rows()];
        for (int r = 0; r < sizes.rows(); r++) {
            ids[0][r] = r;
        }
        return new ReuseReference(shape, g.outChannels(), g.kernel(), g.stride(), g.padding(), g.rowLength(), ids,
                sizes.rows());
    }
}
