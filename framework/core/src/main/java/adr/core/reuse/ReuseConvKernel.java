package adr.core.reuse;

import adr.core.nn.ConvGeometry;
import adr.core.nn.ConvKernel;
import adr.spi.clustering.Assignments;
import adr.spi.clustering.ClusteringAlgorithm;
import adr.spi.reuse.ReuseScope;
import adr.spi.reuse.ReuseSetting;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A convolution computed on cluster centroids (adaptive deep reuse, Ning, Guan and
 * Shen, ICDE 2019; DESIGN.md section 1).
 *
 * <p>Forward: unfold the input into rows {@code X (N x K)}, split every row into
 * {@code G} sub-vectors of length {@code L}, cluster each group's sub-vectors with the
 * plugin, average each cluster into a centroid, compute {@code P_g = C_g W_g} once per
 * cluster and rebuild every output row as {@code Y[n] = b + sum_g P_g[id_g(n)]}.
 *
 * <p>Backward, with the forward's clusters (no re-hashing): {@code S_g[c]} sums the
 * output gradient over the members of cluster {@code c}; the weight gradient is
 * {@code C_g^T S_g}; the input gradient is either exact ({@code dY W^T}) or reused:
 * every member takes {@code (S_g[c] / count) W_g^T}. With assignments fixed, reused
 * gradients are the exact gradients of the reuse forward. The bias gradient is exact.
 *
 * <p>Cost per layer as fractions of the exact product: forward {@code r_c + H/M + 1/L},
 * weight gradient {@code r_c + 1/L}, reused input gradient {@code r_c + 1/L}. The
 * unfold, gather and scatter steps are memory-bound and run at a fraction of BLAS
 * speed, so this model is a bound; the conv benchmark measures the truth.
 *
 * <p>With a {@link ClusterCache} (the scope's {@code clusterCache}, given the batch's
 * dataset indices by {@link #nextSamples}), images keyed before skip the clustering;
 * everything after the assignments is the same.
 *
 * <p>Float only: the double-precision reference used by the tests checks the same
 * formulas.
 */
public final class ReuseConvKernel implements ConvKernel {
    private final ConvGeometry geometry;
    private final ReuseSetting setting;
    private final ReuseScope scope;
    private final ClusteringAlgorithm clustering;
    private final ConvKernel exact;
    private final GroupedRows rows;
    private final ClusterTables tables;
    private final ReuseStats.Timer timer = new ReuseStats.Timer();
    /** The bias of the last forward, for an exact kernel that must redo that forward before its backward. */
    private INDArray lastBias;
    private Assignments assignments;
    /** Null when the layer re-clusters every step. */
    private final ClusterCache cache;
    /** The dataset indices of the next forward's images, consumed by that forward. */
    private int[] samples;
    private final GroupedWeights groupedWeights;
    private ReuseStats lastStats;
    private final NativeBuffer output = new NativeBuffer();
    private final NativeBuffer gradInput = new NativeBuffer();
    /** The reused weight and bias gradients in native memory, assigned to the layer's gradients. */
    private final NativeBuffer weightGradientOut = new NativeBuffer();
    private final NativeBuffer biasGradientOut = new NativeBuffer();
    private float[] biasValues;
    private float[] inputValues;
    private float[] weightValues;
    private float[] gradValues;
    private float[] gradRows;
    /** Per slice of images: the zero-padded plane {@link #foldInputGradient} adds into. */
    private final WorkerScratch paddedPlanes = WorkerScratch.perCore(WorkerScratch.SLICES_PER_CORE);

    /** A kernel that clusters every step (whatever {@code scope.clusterCache()} says). */
    public ReuseConvKernel(ConvGeometry geometry, ReuseSetting setting, ReuseScope scope,
            ClusteringAlgorithm clustering, ConvKernel exact) {
        this(geometry, setting, scope, clustering, exact, null);
    }

    /** @param cache the layer's cluster cache, null to cluster every step */
    ReuseConvKernel(ConvGeometry geometry, ReuseSetting setting, ReuseScope scope, ClusteringAlgorithm clustering,
            ConvKernel exact, ClusterCache cache) {
        this.cache = cache;
        if (!scope.forward()) {
            throw new IllegalArgumentException("a reuse kernel needs forward reuse; use the exact kernel instead");
        }
        this.geometry = geometry;
        this.setting = setting;
        this.scope = scope;
        this.clustering = clustering;
        this.exact = exact;
        this.rows = new GroupedRows(geometry, setting.subVectorLength());
        this.tables = new ClusterTables(rows.groups(), setting.subVectorLength(), geometry.outChannels());
        this.groupedWeights = new GroupedWeights(geometry, rows.groups(), setting.subVectorLength());
    }

    public ReuseSetting setting() {
        return setting;
    }

    /**
     * The dataset index of every image of the next forward's batch, for the cluster cache;
     * used by that forward only (null or a length that does not match: re-cluster).
     */
    public void nextSamples(int[] indices) {
        this.samples = indices;
    }

    /**
     * Frees this kernel's native buffers now, for a kernel that is dropped (a probe's, or
     * a layer's when its setting changes): a dropped kernel's buffers wait for the garbage
     * collector, so the next kernel's allocations would fault in fresh memory (CifarNet
     * conv2's 80 MB of unfolded rows took 250-315 ms to allocate and copy in on a probe's
     * first step, 6 ms after). The arrays the kernel returned must not be used after this.
     */
    void releaseNative() {
        rows.releaseNative();
        tables.releaseNative();
        output.release();
        gradInput.release();
        weightGradientOut.release();
        biasGradientOut.release();
    }

    /** Whether any native buffer is held (none after {@link #releaseNative} until the next step). */
    boolean holdsNative() {
        return rows.holdsNative() || tables.holdsNative() || output.holds() || gradInput.holds()
                || weightGradientOut.holds() || biasGradientOut.holds();
    }

    /** The statistics of the last forward and backward, or null before the first. */
    public ReuseStats lastStats() {
        return lastStats;
    }

    @Override
    public INDArray forward(INDArray input, INDArray weights, INDArray bias) {
        lastBias = bias;
        requireFloat(input);
        timer.start();
        long[] s = input.shape();
        int batch = (int) s[0];
        int outH = geometry.outputSize((int) s[2]);
        int outW = geometry.outputSize((int) s[3]);
        inputValues = NativeBuffer.read(input, inputValues);
        rows.unfold(inputValues, batch, (int) s[2], (int) s[3]);
        timer.lap(Phase.IM2COL);
        cluster(batch);
        timer.lap(Phase.CLUSTER);
        tables.centroids(rows.data(), rows.rows(), assignments);
        timer.lap(Phase.CENTROIDS);
        weightValues = NativeBuffer.read(weights, weightValues);
        tables.products(groupedWeights.group(weightValues));
        timer.lap(Phase.PRODUCT);
        int pixels = outH * outW;
        biasValues = NativeBuffer.read(bias, biasValues);
        INDArray out = output.shaped(batch, geometry.outChannels(), outH, outW);
        if (tables.fewGroups()) {
            tables.reconstructPlanes(assignments, biasValues, out.data().asNioFloat(), batch, pixels);
        } else {
            tables.reconstruct(assignments, biasValues, out.data().asNioFloat(), batch, pixels);
        }
        timer.lap(Phase.RECONSTRUCT);
        return out;
    }

    /** Clusters the unfolded batch, through the cluster cache when the batch's images are known. */
    private void cluster(int batch) {
        int[] images = samples;
        samples = null; // never applied to another batch
        if (assignments == null || assignments.rows() != rows.rows()) {
            assignments = new Assignments(rows.groups(), rows.rows());
        }
        boolean known = images != null && images.length == batch && Arrays.stream(images).allMatch(i -> i >= 0);
        if (cache != null && known) {
            cache.assign(rows, inputValues, images, assignments);
        } else {
            clustering.cluster(rows, assignments);
        }
    }

    @Override
    public INDArray backward(INDArray input, INDArray weights, INDArray gradOutput, INDArray gradWeights,
            INDArray gradBias, boolean inputGradient) {
        timer.resume();
        boolean reuseInput = inputGradient && scope.inputGradient();
        boolean exactInput = inputGradient && !reuseInput;
        INDArray gradInput = null;
        if (!scope.weightGradient() || exactInput) {
            if (exact.backwardNeedsOwnForward()) {
                exact.forward(input, weights, lastBias); // its unfolded input is from another batch
            }
            gradInput = scope.weightGradient() ? exact.inputGradient(input, weights, gradOutput)
                    : exact.backward(input, weights, gradOutput, gradWeights, gradBias, exactInput);
            timer.lap(Phase.EXACT_BACKWARD);
        }
        long[] g = gradOutput.shape();
        if (scope.weightGradient() || reuseInput) {
            gradientSums(gradOutput);
            if (scope.weightGradient()) {
                // from the sums just made: a separate reduction over the gradient cost several ms
                gradBias.assign(biasGradientOut.put(tables.biasGradient(assignments), gradBias.shape()));
            }
            timer.lap(Phase.GRADIENT_SUMS);
        }
        if (scope.weightGradient()) {
            float[] weightGradient = groupedWeights.ungroup(tables.weightGradient());
            gradWeights.assign(weightGradientOut.put(weightGradient, gradWeights.shape()));
            timer.lap(Phase.WEIGHT_GRADIENT);
        }
        if (reuseInput) {
            float[] clusterColumns = tables.inputGradientColumns(groupedWeights.grouped());
            gradInput = foldInputGradient(clusterColumns, input.shape(), (int) g[2], (int) g[3]);
            timer.lap(Phase.INPUT_GRADIENT);
        }
        lastStats = new ReuseStats(assignments.remainingRatio(), rows.groups(), rows.rows(), rows.padded(),
                timer.seconds());
        return inputGradient ? gradInput : null;
    }

    /** The per-cluster sums of the output gradient, into the tables. */
    private void gradientSums(INDArray gradOutput) {
        long[] g = gradOutput.shape();
        if (tables.fewGroups()) {
            tables.gradientSumsFromPlanes(assignments, NativeBuffer.values(gradOutput), (int) g[0],
                    (int) (g[2] * g[3]));
        } else {
            gradValues = NativeBuffer.read(gradOutput, gradValues);
            gradRows = NchwRows.toRows(gradValues, (int) g[0], geometry.outChannels(), (int) (g[2] * g[3]), gradRows);
            tables.gradientSums(assignments, gradRows, rows.rows());
        }
    }

    /**
     * The shared per-cluster input-gradient rows (stored by column), added back onto the
     * input positions each member row was unfolded from (the transpose of the unfold). Each
     * task takes a slice of images and goes through them one input channel at a time: the
     * channel's planes are accumulated in zero-padded scratch that stays in cache, so no
     * bounds checks, then their interiors are written straight into native memory. Channel
     * by channel, each table column is read for all the slice's images while it is in
     * cache; image by image, every image read all groups' tables, which do not fit in a
     * core's cache when the groups have many clusters (CifarNet conv2 at L=100 H=12, about
     * 2,900 clusters per group, {@code adr bench conv}: the phase took 69-111 ms image by
     * image, 45-54 ms channel by channel; no change at L=5 or L=25). Spreading the rows into
     * the unfolded tensor and folding it with libnd4j's col2im was slower still (conv2 at
     * L=25: 48.6 ms).
     */
    private INDArray foldInputGradient(float[] clusterColumns, long[] inputShape, int outH, int outW) {
        int channels = (int) inputShape[1];
        int height = (int) inputShape[2];
        int width = (int) inputShape[3];
        int p = geometry.padding();
        int paddedW = geometry.paddedSize(width);
        INDArray grad = gradInput.shaped(inputShape);
        FloatBuffer target = grad.data().asNioFloat();
        int paddedSize = geometry.paddedSize(height) * paddedW;
        paddedPlanes.forEachSlice((int) inputShape[0], (slice, first, end) -> {
            float[] padded = paddedPlanes.array(slice, (end - first) * paddedSize);
            for (int c = 0; c < channels; c++) {
                Arrays.fill(padded, 0, (end - first) * paddedSize, 0f);
                addChannel(padded, paddedSize, clusterColumns, first, end, c, outH, outW, paddedW);
                for (int b = first, at = 0; b < end; b++, at += paddedSize) {
                    for (int y = 0, plane = b * channels + c; y < height; y++) {
                        target.put((plane * height + y) * width, padded, at + (y + p) * paddedW + p, width);
                    }
                }
            }
        });
        return grad;
    }

    /**
     * Adds every kernel position's share of input channel {@code c} into the padded planes
     * of images {@code [first, end)}, which follow each other in {@code padded}.
     */
    private void addChannel(float[] padded, int paddedSize, float[] clusterColumns, int first, int end, int c,
            int outH, int outW, int paddedW) {
        int k = geometry.kernel();
        int s = geometry.stride();
        int length = setting.subVectorLength();
        int pixels = outH * outW;
        for (int ky = 0; ky < k; ky++) {
            for (int kx = 0; kx < k; kx++) {
                int col = (c * k + ky) * k + kx;
                int[] ids = assignments.ids(col / length);
                int base = tables.inputGradientColumn(col / length, col % length);
                for (int b = first, plane = 0; b < end; b++, plane += paddedSize) {
                    for (int oy = 0, row = b * pixels; oy < outH; oy++) {
                        for (int ox = 0, at = plane + (oy * s + ky) * paddedW + kx; ox < outW; ox++, row++, at += s) {
                            padded[at] += clusterColumns[base + ids[row]];
                        }
                    }
                }
            }
        }
    }

    private static void requireFloat(INDArray input) {
        if (input.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("the reuse convolution computes in float, got " + input.dataType());
        }
    }
}
