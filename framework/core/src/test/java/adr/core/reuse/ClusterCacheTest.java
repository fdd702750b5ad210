package adr.core.reuse;

import static org.assertj.core.api.Assertions.assertThat;

import adr.core.nn.Conv2d;
import adr.core.nn.ConvAlgorithm;
import adr.core.nn.ConvGeometry;
import adr.spi.reuse.ReuseScope;
import adr.spi.reuse.ReuseSetting;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The per-image cluster cache against re-clustering: same images, same results, bit for
 * bit, whatever batches they come in; changed images are clustered again.
 */
class ClusterCacheTest {
    private static final ConvGeometry GEOMETRY = new ConvGeometry(2, 4, 3, 1, 1);
    private static final ReuseSetting SETTING = new ReuseSetting(6, 3);
    private static final ReuseScope ALL = new ReuseScope(true, true, true, false);
    private static final int IMAGES = 6;
    private static final int IMAGE_SIZE = 2 * 5 * 5;
    private static final float[] DATASET = gaussian(1, IMAGES * IMAGE_SIZE);
    private static final float[] WEIGHTS = gaussian(2, 4 * 2 * 9);

    private static float[] gaussian(long seed, int n) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    /** The dataset's images {@code samples}, each scaled by {@code 1 + noise * N(0, 1)} per value. */
    private static INDArray batch(double noise, int... samples) {
        float[] values = new float[samples.length * IMAGE_SIZE];
        float[] jitter = gaussian(99, values.length);
        for (int b = 0; b < samples.length; b++) {
            for (int i = 0; i < IMAGE_SIZE; i++) {
                int at = b * IMAGE_SIZE + i;
                values[at] = (float) (DATASET[samples[b] * IMAGE_SIZE + i] * (1 + noise * jitter[at]));
            }
        }
        return Nd4j.create(values, new long[] {samples.length, 2, 5, 5}, DataType.FLOAT);
    }

    /** A convolution on a reuse kernel, with or without a cluster cache. */
    private record Layer(Conv2d conv, ReuseConvKernel kernel, SignKeysClustering clustering, ClusterCache cache) {
        static Layer of(ReuseScope scope, boolean readsData) {
            SignKeysClustering clustering = new SignKeysClustering(SETTING.subVectorLength(), SETTING.hashBits(), 7);
            Conv2d conv = new Conv2d("conv", GEOMETRY, ConvAlgorithm.NATIVE,
                    Nd4j.create(WEIGHTS, new long[] {4, 2, 3, 3}, DataType.FLOAT), Nd4j.zeros(DataType.FLOAT, 4));
            ClusterCache cache = ClusterCache.plan(scope, clustering, readsData).cache();
            ReuseConvKernel kernel = new ReuseConvKernel(GEOMETRY, SETTING, scope, clustering, conv.exactKernel(),
                    cache);
            conv.useKernel(kernel);
            return new Layer(conv, kernel, clustering, cache);
        }

        /** Forward and backward on the batch; the output, weight gradient and input gradient, as values. */
        float[][] step(INDArray x, int... samples) {
            kernel.nextSamples(samples);
            float[] y = conv.forward(x.dup(), true).dup().data().asFloat();
            INDArray dy = Nd4j.create(gaussian(5, y.length), new long[] {x.size(0), 4, 5, 5}, DataType.FLOAT);
            float[] dx = conv.backward(dy).dup().data().asFloat();
            return new float[][] {y, conv.parameters().get(0).gradient().dup().data().asFloat(), dx};
        }
    }

    @Test
    void imagesSeenBeforeGiveExactlyTheResultsOfReclustering() {
        Layer cached = Layer.of(ALL.withClusterCache(), true);
        Layer reclustered = Layer.of(ALL, true);
        int[][] steps = {{0, 1, 2}, {3, 4, 5}, {2, 0, 1}, {5, 1, 3}};

        for (int[] samples : steps) {
            float[][] expected = reclustered.step(batch(0, samples), samples);
            float[][] actual = cached.step(batch(0, samples), samples);
            for (int part = 0; part < 3; part++) {
                assertThat(actual[part]).as("part %d of the step on %s", part, java.util.Arrays.toString(samples))
                        .containsExactly(expected[part]);
            }
        }

        assertThat(cached.cache().hits()).as("steps served from the cache").isEqualTo(2);
        assertThat(cached.clustering().keyCalls).as("batches keyed by the algorithm").isEqualTo(2);
        assertThat(cached.clustering().clusterCalls).isZero();
        assertThat(reclustered.clustering().clusterCalls).isEqualTo(4);
    }

    @Test
    void aChangedImageMakesTheBatchClusterAgain() {
        Layer cached = Layer.of(ALL.withClusterCache(), true);
        Layer reclustered = Layer.of(ALL, true);
        cached.step(batch(0, 0, 1, 2), 0, 1, 2);

        float[][] actual = cached.step(batch(1e-3, 0, 1, 2), 0, 1, 2); // as augmentation would
        float[][] expected = reclustered.step(batch(1e-3, 0, 1, 2), 0, 1, 2);

        assertThat(cached.cache().hits()).isZero();
        assertThat(cached.clustering().keyCalls).isEqualTo(2);
        assertThat(actual[0]).containsExactly(expected[0]);
    }

    @Test
    void unknownImagesAreReclusteredEveryStep() {
        Layer layer = Layer.of(ALL.withClusterCache(), true);

        layer.step(batch(0, 0, 1, 2), (int[]) null);
        layer.step(batch(0, 0, 1, 2), (int[]) null);

        assertThat(layer.clustering().clusterCalls).isEqualTo(2);
        assertThat(layer.cache().hits()).isZero();
    }

    @Test
    void onlyTheFirstLayerWithStableKeysGetsACache() {
        SignKeysClustering keyed = new SignKeysClustering(6, 3, 1);
        ReuseScope cached = ALL.withClusterCache();

        assertThat(ClusterCache.plan(ALL, keyed, true)).isEqualTo(new ClusterCache.Plan(null, ""));
        assertThat(ClusterCache.plan(cached, keyed, true).cache()).isNotNull();
        assertThat(ClusterCache.plan(cached, keyed, true).note()).contains("cluster cache: per image");
        ClusterCache.Plan later = ClusterCache.plan(cached, keyed, false);
        assertThat(later.cache()).isNull();
        assertThat(later.note()).contains("cluster cache off").contains("only the first convolution");
        ClusterCache.Plan withoutKeys = ClusterCache.plan(cached, new FixedClustering(2), true);
        assertThat(withoutKeys.cache()).isNull();
        assertThat(withoutKeys.note()).contains("cluster cache off").contains("stable bucket keys");
    }
}
