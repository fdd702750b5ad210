package adr.core.reuse;

import static adr.core.reuse.KeptArrays.sized;
import static adr.core.reuse.KeptArrays.zeroed;

import adr.spi.clustering.Assignments;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Per-cluster tables of one reuse step, laid out with {@code nmax} (the largest group's
 * cluster count) rows per group; the per-group products ({@link SmallProducts}, or
 * {@link BlasProducts} for large groups) touch only a group's used rows:
 * centroids {@code C [G][nmax][L]}, products {@code P = C_g W_g [G][nmax][M]}, and in
 * the backward pass the per-cluster output-gradient sums {@code S [G][nmax][M]}
 * ({@link ClusterGradientSums}) with the weight and input gradients computed from them.
 * Padding rows are never referenced by an id. Hot loops are single passes
 * over primitive arrays, parallel over groups (each group owns its table rows).
 */
final class ClusterTables {
    private final int groups;
    private final int length;
    private final int outChannels;
    /** Table bytes one pass of {@link #reconstruct} keeps in cache. */
    private final long passTableBytes;
    /** Multiply-adds from which a group's product goes to BLAS. */
    private final long blasFrom;
    private final BlasProducts blas = new BlasProducts();
    private int maxClusters;
    /** Clusters used by each group in this step; table rows past a group's count are padding. */
    private int[] clusterCounts = new int[0];
    private int[] counts = new int[0];
    private float[] centroids = new float[0];
    private float[] products = new float[0];
    private final ClusterGradientSums gradientSums;
    private float[] weightGradient = new float[0];
    private float[] inputGradientColumns = new float[0];
    /** Output rows {@code [N][M]} of {@link #reconstruct}, before the NCHW transpose. */
    private float[] rowSums = new float[0];
    /** A few slices per core, each with a plane, an image or the input-gradient means as scratch. */
    private final WorkerScratch fineSlices = WorkerScratch.perCore(WorkerScratch.SLICES_PER_CORE);
    /** One slice per core, for reconstruction: each slice reads every group's table once. */
    private final WorkerScratch coreSlices = WorkerScratch.perCore(1);

    ClusterTables(int groups, int length, int outChannels) {
        this(groups, length, outChannels, PASS_TABLE_BYTES, BlasProducts.MIN_MULTIPLY_ADDS);
    }

    /**
     * @param passTableBytes table bytes one pass of {@link #reconstruct} keeps in cache
     * @param blasFrom multiply-adds from which a group's product goes to BLAS
     */
    ClusterTables(int groups, int length, int outChannels, long passTableBytes, long blasFrom) {
        this.groups = groups;
        this.length = length;
        this.outChannels = outChannels;
        this.passTableBytes = passTableBytes;
        this.blasFrom = blasFrom;
        this.gradientSums = new ClusterGradientSums(groups, outChannels);
    }

    /** Centroid of every cluster: the mean of its members' sub-vectors. */
    void centroids(float[] rows, int n, Assignments a) {
        maxClusters = 1;
        clusterCounts = new int[groups];
        for (int g = 0; g < groups; g++) {
            clusterCounts[g] = a.count(g);
            maxClusters = Math.max(maxClusters, a.count(g));
        }
        counts = zeroed(counts, groups * maxClusters);
        centroids = zeroed(centroids, groups * maxClusters * length);
        IntStream.range(0, groups).parallel().forEach(g -> {
            int[] ids = a.ids(g);
            int base = g * maxClusters;
            for (int r = 0, from = g * n * length; r < n; r++, from += length) {
                int slot = base + ids[r];
                counts[slot]++;
                int to = slot * length;
                for (int j = 0; j < length; j++) {
                    centroids[to + j] += rows[from + j];
                }
            }
            for (int slot = base; slot < base + a.count(g); slot++) {
                float inverse = 1f / Math.max(1, counts[slot]);
                for (int j = slot * length, end = j + length; j < end; j++) {
                    centroids[j] *= inverse;
                }
            }
        });
    }

    /** Frees the native operands of the BLAS products now; the next large product allocates them again. */
    void releaseNative() {
        blas.release();
    }

    /** Whether the BLAS products hold native operands. */
    boolean holdsNative() {
        return blas.holds();
    }

    /** {@code P_g = C_g W_g} for every group, from weights grouped as {@code [G][L][M]}. */
    void products(float[] groupedWeights) {
        products = sized(products, groups * maxClusters * outChannels);
        eachGroup((g, with) -> with.times(centroids,
                g * maxClusters * length, clusterCounts[g], length, groupedWeights, g * length * outChannels,
                outChannels, products, g * maxClusters * outChannels));
    }

    /** One group's product, computed with the products given. */
    private interface GroupProduct {
        void compute(int group, MatrixProducts with);
    }

    /**
     * Computes every group's product with the products that suit its size: the large ones
     * through BLAS, one after another (BLAS itself uses every core), the rest through the
     * loops, in parallel.
     */
    private void eachGroup(GroupProduct product) {
        IntStream.range(0, groups).filter(this::viaBlas).forEach(g -> product.compute(g, blas));
        IntStream.range(0, groups).filter(g -> !viaBlas(g)).parallel()
                .forEach(g -> product.compute(g, SmallProducts.LOOPS));
    }

    /** Whether group {@code g}'s products ({@code count x L x M} multiply-adds each) go to BLAS. */
    private boolean viaBlas(int g) {
        return (long) clusterCounts[g] * length * outChannels >= blasFrom;
    }

    /**
     * {@code Y[n] = bias + sum_g P_g[id_g(n)]}, written as NCHW {@code [batch, M, pixels]}
     * into {@code out}. Each worker owns a slice of rows and adds the groups' products to
     * them a few groups per pass ({@link #groupsPerPass}): the tables of all groups do not
     * fit in a core's cache, so visiting every group for one row, then the next row,
     * fetched most product rows from memory (CifarNet conv2 at L=5: 204-250 ms for 320 groups).
     */
    void reconstruct(Assignments a, float[] bias, FloatBuffer out, int batch, int pixels) {
        int m = outChannels;
        int n = batch * pixels;
        rowSums = sized(rowSums, n * m);
        int perPass = groupsPerPass();
        coreSlices.forEachSlice(n, (slice, from, to) -> {
            for (int r = from; r < to; r++) {
                System.arraycopy(bias, 0, rowSums, r * m, m);
            }
            for (int g = 0; g < groups; g += perPass) {
                addProducts(a, g, Math.min(groups, g + perPass), from, to);
            }
        });
        NchwRows.toPlanes(rowSums, batch, m, pixels, out, fineSlices);
    }

    /** Adds groups {@code [g0, g1)}'s products to rows {@code [from, to)} of the row sums. */
    private void addProducts(Assignments a, int g0, int g1, int from, int to) {
        int m = outChannels;
        for (int r = from; r < to; r++) {
            int at = r * m;
            for (int g = g0; g < g1; g++) {
                int source = (g * maxClusters + a.ids(g)[r]) * m;
                for (int o = 0; o < m; o++) {
                    rowSums[at + o] += products[source + o];
                }
            }
        }
    }

    /**
     * Groups whose used table rows ({@code count x M} floats each) fill about half a
     * core's 1 MiB second-level cache, so that one pass over a slice of rows finds its
     * table rows in cache.
     */
    private int groupsPerPass() {
        long used = 0;
        for (int count : clusterCounts) {
            used += count;
        }
        long bytesPerGroup = Math.max(1, used * outChannels * Float.BYTES / Math.max(1, groups));
        return (int) Math.max(1, Math.min(groups, passTableBytes / bytesPerGroup));
    }

    /**
     * Half a core's 1 MiB second-level cache. On CifarNet conv2 at L=5 (320 groups of ~740
     * clusters, 190 KB of products each) reconstruction took 72-87 ms with passes of 64 KB
     * to 4 MB, 109 ms with 16 MB, 204-217 ms visiting every group per row.
     */
    static final long PASS_TABLE_BYTES = 512 * 1024;

    /**
     * Up to this many groups, reconstruction and gradient sums read and write the NCHW
     * tensors directly ({@link #reconstructPlanes}, {@link #gradientSumsFromPlanes}).
     * They look up each row's id once per output channel instead of once, which is cheap
     * for a few groups and saves the row-major transposes and copies; with many groups
     * the lookups dominate. Measured with {@code adr bench conv} at batch 64: CifarNet
     * conv1 with one group (L=25), reconstruction 5.3 -> 2.6-2.9 ms and gradient sums
     * 9.1-9.6 -> 3.0-3.5 ms; with five groups (L=5) 10.6 -> 8.5 and 10.1 -> 9.3 ms; but
     * conv2 with 64 groups (L=25) slower, 15.4 -> 25.0 and 14.5 -> 18.3 ms.
     */
    static final int FEW_GROUPS = 8;

    boolean fewGroups() {
        return groups <= FEW_GROUPS;
    }

    /**
     * {@link #reconstruct} plane by plane, straight into the native output {@code out}:
     * every output channel of an image is gathered from the (cache-resident) product
     * tables into a small plane and stored in one bulk put, so no image-sized Java array
     * is written and copied again.
     */
    void reconstructPlanes(Assignments a, float[] bias, FloatBuffer out, int batch, int pixels) {
        int m = outChannels;
        fineSlices.forEachSlice(batch, (slice, first, end) -> {
            float[] plane = fineSlices.array(slice, pixels);
            for (int b = first; b < end; b++) {
                for (int o = 0; o < m; o++) {
                    Arrays.fill(plane, 0, pixels, bias[o]);
                    for (int g = 0; g < groups; g++) {
                        int[] ids = a.ids(g);
                        int from = g * maxClusters * m + o;
                        for (int p = 0, row = b * pixels; p < pixels; p++, row++) {
                            plane[p] += products[from + ids[row] * m];
                        }
                    }
                    out.put((b * m + o) * pixels, plane, 0, pixels);
                }
            }
        });
    }

    /** {@code S_g[c]}, the sum of {@code dY[n]} over cluster {@code c}'s members, from NCHW {@code dY}. */
    void gradientSumsFromPlanes(Assignments a, FloatBuffer grad, int batch, int pixels) {
        gradientSums.fromPlanes(a, maxClusters, grad, batch, pixels);
    }

    /** {@code S_g[c]} from the output gradient as rows {@code [N][M]}. */
    void gradientSums(Assignments a, float[] gradRows, int n) {
        gradientSums.fromRows(a, maxClusters, gradRows, n);
    }

    /** The bias gradient {@code sum_n dY[n]}, from the gradient sums. */
    float[] biasGradient(Assignments a) {
        return gradientSums.biasGradient(a);
    }

    /** {@code dW_g = C_g^T S_g}, as {@code [G][L][M]}: the exact weight gradient of the reuse forward. */
    float[] weightGradient() {
        weightGradient = sized(weightGradient, groups * length * outChannels);
        eachGroup((g, with) -> with.transposeTimes(centroids,
                g * maxClusters * length, clusterCounts[g], length, gradientSums.table(), g * maxClusters * outChannels,
                outChannels, weightGradient, g * length * outChannels));
        return weightGradient;
    }

    /**
     * {@code E_g = (S_g / count) W_g^T}, the input-gradient row every member of a cluster
     * shares (the exact input gradient of the reuse forward), stored by column: group
     * {@code g}'s column {@code j} is {@code count_g} floats from {@link #inputGradientColumn}.
     * Computed as {@code E_g^T = W_g (S_g / count)^T} so that the innermost loop runs over a
     * group's clusters, not over the {@code L} entries of a row (CifarNet conv2 at L=5:
     * rows of 5 floats cost ~40 ms for 320 groups).
     */
    float[] inputGradientColumns(float[] groupedWeights) {
        inputGradientColumns = sized(inputGradientColumns, groups * length * maxClusters);
        int size = outChannels * maxClusters;
        float[] first = fineSlices.array(0, size);
        IntStream.range(0, groups).filter(this::viaBlas).forEach(g -> inputGradientColumns(g, groupedWeights, first,
                blas));
        fineSlices.forEachSlice(groups, (slice, from, to) -> {
            float[] meansByChannel = fineSlices.array(slice, size);
            for (int g = from; g < to; g++) {
                if (!viaBlas(g)) {
                    inputGradientColumns(g, groupedWeights, meansByChannel, SmallProducts.LOOPS);
                }
            }
        });
        return inputGradientColumns;
    }

    /** Group {@code g}'s columns, with {@code meansByChannel} ({@code M x nmax} floats) as scratch. */
    private void inputGradientColumns(int g, float[] groupedWeights, float[] meansByChannel, MatrixProducts with) {
        int n = clusterCounts[g];
        float[] sums = gradientSums.table();
        for (int c = 0, slot = g * maxClusters; c < n; c++, slot++) {
            float inverse = 1f / Math.max(1, counts[slot]);
            for (int o = 0, from = slot * outChannels; o < outChannels; o++, from++) {
                meansByChannel[o * n + c] = sums[from] * inverse;
            }
        }
        with.times(groupedWeights, g * length * outChannels, length, outChannels, meansByChannel, 0, n,
                inputGradientColumns, inputGradientColumn(g, 0));
    }

    /** Where column {@code j} of group {@code g} starts in {@link #inputGradientColumns}'s result. */
    int inputGradientColumn(int g, int j) {
        return (g * length) * maxClusters + j * clusterCounts[g];
    }
}
