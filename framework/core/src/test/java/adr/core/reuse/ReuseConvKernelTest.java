package adr.core.reuse;

import static adr.core.reuse.TestArrays.floats;
import static adr.core.reuse.TestArrays.gaussian;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import adr.core.nn.ConvAlgorithm;
import adr.core.nn.ConvGeometry;
import adr.core.nn.Conv2d;
import adr.spi.clustering.ClusteringAlgorithm;
import adr.spi.reuse.ReuseScope;
import adr.spi.reuse.ReuseSetting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The reuse convolution against the exact one and against the double-precision reference. */
class ReuseConvKernelTest {
    private static final ReuseScope ALL = new ReuseScope(true, true, true, false);

    private static double[] doubles(INDArray a) {
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    /** A convolution layer running on a reuse kernel, and the kernel (for its statistics). */
    private record Reusing(Conv2d conv, ReuseConvKernel kernel) {
        static Reusing of(ConvGeometry g, INDArray w, INDArray b, ReuseSetting setting, ReuseScope scope,
                ClusteringAlgorithm clustering) {
            Conv2d conv = new Conv2d("conv", g, ConvAlgorithm.NATIVE, w, b);
            ReuseConvKernel kernel = new ReuseConvKernel(g, setting, scope, clustering, conv.exactKernel());
            conv.useKernel(kernel);
            return new Reusing(conv, kernel);
        }
    }

    /**
     * With only the forward reused, the weight gradient comes from the exact kernel; the
     * im2col kernel keeps its own forward's unfolded input, so one whose last forward saw
     * another batch (an evaluation, an earlier exact step) must not leak it into this
     * gradient.
     */
    @Test
    void anExactWeightGradientAfterAReuseForwardUsesThisBatchOnIm2col() {
        ConvGeometry g = new ConvGeometry(2, 4, 3, 1, 1);
        INDArray x = floats(gaussian(11, 2 * 2 * 5 * 5), 2, 2, 5, 5);
        INDArray other = floats(gaussian(12, 2 * 2 * 5 * 5), 2, 2, 5, 5);
        INDArray w = floats(gaussian(13, 4 * 18), 4, 2, 3, 3);
        INDArray b = floats(gaussian(14, 4), 4);
        Conv2d exact = new Conv2d("exact", g, ConvAlgorithm.IM2COL, w.dup(), b.dup());
        Conv2d reuse = new Conv2d("reuse", g, ConvAlgorithm.IM2COL, w.dup(), b.dup());
        reuse.forward(other.dup(), false); // the exact kernel now holds another batch's columns
        reuse.useKernel(new ReuseConvKernel(g, new ReuseSetting(9, 8), new ReuseScope(true, false, false, false),
                new DedupClustering(), reuse.exactKernel()));

        INDArray expected = exact.forward(x.dup(), true).dup();
        reuse.forward(x.dup(), true);
        INDArray dy = floats(gaussian(15, (int) expected.length()), expected.shape());
        exact.backward(dy.dup());
        reuse.backward(dy.dup());

        assertClose(reuse.parameters().get(0).gradient(), exact.parameters().get(0).gradient());
    }

    /**
     * With the weight gradient reused and the input gradient not, the exact kernel computes
     * only the input gradient (a transposed convolution on the native kernel) and the bias
     * gradient comes from the cluster sums: both must still be the exact ones, whatever the
     * clusters.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"NATIVE", "IM2COL"})
    void anExactInputGradientBesideAReusedWeightGradientIsTheExactOne(ConvAlgorithm algorithm) {
        ConvGeometry g = new ConvGeometry(3, 4, 3, 1, 1);
        INDArray x = floats(gaussian(21, 2 * 3 * 6 * 6), 2, 3, 6, 6);
        INDArray w = floats(gaussian(22, 4 * 27), 4, 3, 3, 3);
        INDArray b = floats(gaussian(23, 4), 4);
        Conv2d exact = new Conv2d("exact", g, algorithm, w.dup(), b.dup());
        Conv2d reuse = new Conv2d("reuse", g, algorithm, w.dup(), b.dup());
        reuse.useKernel(new ReuseConvKernel(g, new ReuseSetting(9, 8), ReuseScope.FORWARD_AND_WEIGHTS,
                new FixedClustering(3), reuse.exactKernel()));

        INDArray y = exact.forward(x.dup(), true);
        reuse.forward(x.dup(), true);
        INDArray dy = floats(gaussian(24, (int) y.length()), y.shape());
        INDArray expected = exact.backward(dy.dup()).dup();

        assertClose(reuse.backward(dy.dup()), expected);
        assertClose(reuse.parameters().get(1).gradient(), exact.parameters().get(1).gradient());
    }

    @Test
    void equalsTheExactConvolutionWhenSubVectorsRepeatByConstruction() {
        // every patch of a spatially constant image is the same vector (no padding), so
        // exact-equality clustering leaves one cluster per image and group
        ConvGeometry g = new ConvGeometry(3, 8, 3, 1, 0);
        double[] image = new double[2 * 3 * 6 * 6];
        double[] perChannel = gaussian(1, 6);
        for (int i = 0; i < image.length; i++) {
            image[i] = perChannel[i / 36];
        }
        INDArray x = floats(image, 2, 3, 6, 6);
        INDArray w = floats(gaussian(2, 8 * 27), 8, 3, 3, 3);
        INDArray b = floats(gaussian(3, 8), 8);
        Conv2d exact = new Conv2d("exact", g, ConvAlgorithm.NATIVE, w.dup(), b.dup());
        Reusing reusing = Reusing.of(g, w.dup(), b.dup(), new ReuseSetting(9, 8), ALL, new DedupClustering());
        Conv2d reuse = reusing.conv();

        INDArray expected = exact.forward(x.dup(), true).dup();
        INDArray actual = reuse.forward(x.dup(), true);
        INDArray dy = floats(gaussian(4, (int) expected.length()), expected.shape());
        exact.backward(dy.dup());
        reuse.backward(dy.dup());

        assertClose(actual, expected);
        assertClose(reuse.parameters().get(0).gradient(), exact.parameters().get(0).gradient());
        assertClose(reuse.parameters().get(1).gradient(), exact.parameters().get(1).gradient());
        ReuseStats stats = reusing.kernel().lastStats();
        assertThat(stats.remainingRatio()).isEqualTo(2.0 / (2 * 16)); // 2 clusters of 32 rows per group
    }

    // the last two have more than FEW_GROUPS groups (12 and 23): the row-major reconstruction and sums
    /**
     * Batches of 5 give each core's slice of images several (uneven) images on a 2-core
     * machine; batches of 19 do so for the input gradient's slices too (four per core).
     */
    @ParameterizedTest(name = "K={0}x3x3 L={1} stride {2} padding {3} batch {4}")
    @CsvSource({"2, 6, 1, 1, 2", "3, 9, 1, 0, 2", "2, 4, 2, 1, 2", "3, 5, 1, 1, 2", "4, 3, 1, 1, 2", "5, 2, 2, 0, 2",
        "2, 6, 1, 1, 5", "5, 2, 1, 1, 5", "3, 5, 2, 1, 19"})
    void matchesTheDoublePrecisionReferenceForFixedAssignments(int channels, int length, int stride, int padding,
            int batch) {
        int[] shape = {batch, channels, 5, 5};
        int m = 4;
        int clusters = 5;
        ConvGeometry g = new ConvGeometry(channels, m, 3, stride, padding);
        double[] x = gaussian(10, shape[0] * channels * 25);
        double[] w = gaussian(11, m * channels * 9);
        double[] b = gaussian(12, m);
        Conv2d reuse = Reusing.of(g, floats(w, m, channels, 3, 3), floats(b, m), new ReuseSetting(length, 8), ALL,
                new FixedClustering(clusters)).conv();
        INDArray y = reuse.forward(floats(x, batch, channels, 5, 5), true);
        ReuseReference ref = reference(shape, g, length, clusters);
        double[] dy = gaussian(13, (int) y.length());
        INDArray dx = reuse.backward(floats(dy, y.shape()));

        assertClose(doubles(y), ref.forward(x, w, b));
        assertClose(doubles(reuse.parameters().get(0).gradient()), ref.weightGradient(x, dy));
        assertClose(doubles(dx), ref.inputGradient(w, dy));
        assertClose(doubles(reuse.parameters().get(1).gradient()), biasGradient(dy, m, batch));
    }

    /** {@code db[o]}: the output gradient summed over images and pixels, from NCHW values. */
    private static double[] biasGradient(double[] dy, int m, int batch) {
        double[] db = new double[m];
        int pixelsPerPlane = dy.length / m / batch;
        for (int i = 0; i < dy.length; i++) {
            db[i / pixelsPerPlane % m] += dy[i];
        }
        return db;
    }

    private static ReuseReference reference(int[] shape, ConvGeometry g, int length, int clusters) {
        int outH = g.outputSize(shape[2]);
        int rows = shape[0] * outH * g.outputSize(shape[3]);
        int groups = (g.rowLength() + length - 1) / length;
        int[][] ids = new int[groups][rows];
        for (int grp = 0; grp < groups; grp++) {
            for (int r = 0; r < rows; r++) {
                ids[grp][r] = FixedClustering.id(r, grp, clusters);
            }
        }
        return new ReuseReference(shape, g.outChannels(), g.kernel(), g.stride(), g.padding(), length, ids, clusters);
    }

    @Test
    void theReferenceGradientsAreTheFiniteDifferencesOfItsForward() {
        int[] shape = {2, 2, 5, 5};
        ConvGeometry g = new ConvGeometry(2, 3, 3, 1, 1);
        ReuseReference ref = reference(shape, g, 4, 4);
        double[] x = gaussian(20, 100);
        double[] w = gaussian(21, 3 * 18);
        double[] b = gaussian(22, 3);
        double[] r = gaussian(23, ref.forward(x, w, b).length);
        double[] dw = ref.weightGradient(x, r);
        double[] dx = ref.inputGradient(w, r);

        for (int i = 0; i < w.length; i++) {
            assertThat(dw[i]).as("dW[%d]", i).isCloseTo(numeric(ref, x, w, b, r, w, i), within(1e-6));
        }
        for (int i = 0; i < x.length; i++) {
            assertThat(dx[i]).as("dX[%d]", i).isCloseTo(numeric(ref, x, w, b, r, x, i), within(1e-6));
        }
    }

    /** Central difference of {@code sum(forward .* r)} with respect to {@code target[i]}. */
    private static double numeric(ReuseReference ref, double[] x, double[] w, double[] b, double[] r, double[] target,
            int i) {
        double eps = 1e-6;
        double original = target[i];
        target[i] = original + eps;
        double plus = dot(ref.forward(x, w, b), r);
        target[i] = original - eps;
        double minus = dot(ref.forward(x, w, b), r);
        target[i] = original;
        return (plus - minus) / (2 * eps);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void remainingRatioStaysWithinItsBounds() {
        ConvGeometry g = new ConvGeometry(4, 8, 3, 1, 1);
        Reusing reusing = Reusing.of(g, floats(gaussian(30, 8 * 36), 8, 4, 3, 3), floats(gaussian(31, 8), 8),
                new ReuseSetting(6, 2), ReuseScope.FORWARD_AND_WEIGHTS, new FixedClustering(3));
        Conv2d reuse = reusing.conv();
        INDArray y = reuse.forward(floats(gaussian(32, 2 * 4 * 49), 2, 4, 7, 7), true);
        reuse.backward(floats(gaussian(33, (int) y.length()), y.shape()));
        ReuseStats stats = reusing.kernel().lastStats();

        int rows = 2 * 49;
        assertThat(stats.remainingRatio()).isEqualTo(3.0 / rows);
        assertThat(stats.groups()).isEqualTo(6);
        assertThat(stats.padded()).isFalse();
        assertThat(stats.seconds()).containsKeys(Phase.IM2COL, Phase.CLUSTER, Phase.CENTROIDS, Phase.PRODUCT,
                Phase.RECONSTRUCT, Phase.GRADIENT_SUMS, Phase.WEIGHT_GRADIENT, Phase.EXACT_BACKWARD);
    }

    private static void assertClose(INDArray actual, INDArray expected) {
        assertClose(doubles(actual), doubles(expected));
    }

    private static void assertClose(double[] actual, double[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        double scale = 0;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).as("element %d", i).isCloseTo(expected[i], within(1e-4 * Math.max(1, scale)));
        }
    }
}
