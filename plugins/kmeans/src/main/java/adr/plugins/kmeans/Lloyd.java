package adr.plugins.kmeans;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The kernels of one Lloyd iteration over one group: its rows held column by column
 * ({@code columns[l][r]} is coordinate {@code l} of row {@code r}) and {@code k}
 * centroids ({@code k x len}, row-major). Pure functions over caller-owned arrays, so
 * a worker allocates nothing per step.
 *
 * <p>Why columns: C2 vectorises a loop only when every array in it is indexed by the
 * same expression and the loop runs long enough for its unrolled vector body (on
 * AVX-512, 16 floats times the unroll). A per-row loop over 64 centroids is too short
 * and one over a centroid slice at an offset is never vectorised (the arrays might
 * alias); {@code acc[i] += s * columns[l][i]} over a block of rows is both long and
 * same-indexed. Measured on this machine kind for N = 12544, L = 16, k = 64: about
 * 10 G multiply-adds/s on one core, against about 4 for the row-major loop.
 */
final class Lloyd {

    /** Rows per block: a block's columns (L x 512 floats) and accumulators stay in L1. */
    static final int BLOCK = 512;

    private Lloyd() {
    }

    /**
     * Writes the index of the nearest centroid of every row into {@code labels}, ties to
     * the lowest index. Uses {@code ||x - c||^2 = ||x||^2 - 2 x.c + ||c||^2} without the
     * row's own norm (it does not change the argmin). Every row takes the same sequence of
     * float operations (Java neither reorders nor fuses them), so identical rows get
     * identical distances and the same label.
     *
     * @param norms scratch of at least {@code k}
     * @param acc scratch of at least {@code rows}
     * @param best scratch of at least {@code rows}
     * @param parallel spread the blocks of rows over the common pool: each block writes only
     *     its own rows of {@code labels}, {@code acc} and {@code best}, so the labels are the
     *     same either way
     */
    static void assign(float[][] columns, int rows, int len, float[] centroids, int k, int[] labels,
            float[] norms, float[] acc, float[] best, boolean parallel) {
        for (int j = 0; j < k; j++) {
            float norm = 0;
            for (int l = 0; l < len; l++) {
                float c = centroids[j * len + l];
                norm += c * c;
            }
            norms[j] = norm;
        }
        IntStream blocks = IntStream.range(0, (rows + BLOCK - 1) / BLOCK);
        (parallel ? blocks.parallel() : blocks).forEach(block -> assignBlock(columns, block * BLOCK,
                Math.min(rows, (block + 1) * BLOCK), len, centroids, k, labels, norms, acc, best));
    }

    /** The nearest centroid of rows {@code start..end-1}. */
    private static void assignBlock(float[][] columns, int start, int end, int len, float[] centroids, int k,
            int[] labels, float[] norms, float[] acc, float[] best) {
        Arrays.fill(best, start, end, Float.POSITIVE_INFINITY);
        Arrays.fill(labels, start, end, 0);
        for (int j = 0; j < k; j++) {
            distances(columns, start, end, len, centroids, j, norms[j], acc);
            for (int i = start; i < end; i++) {
                float d = acc[i];
                if (d < best[i]) {
                    best[i] = d;
                    labels[i] = j;
                }
            }
        }
    }

    /** {@code acc[i] = ||c_j||^2 - 2 x_i.c_j} for rows {@code start..end-1}, four coordinates per sweep. */
    private static void distances(float[][] columns, int start, int end, int len, float[] centroids, int j,
            float norm, float[] acc) {
        Arrays.fill(acc, start, end, norm);
        int base = j * len;
        int l = 0;
        for (; l + 4 <= len; l += 4) {
            float s0 = -2f * centroids[base + l];
            float s1 = -2f * centroids[base + l + 1];
            float s2 = -2f * centroids[base + l + 2];
            float s3 = -2f * centroids[base + l + 3];
            float[] x0 = columns[l];
            float[] x1 = columns[l + 1];
            float[] x2 = columns[l + 2];
            float[] x3 = columns[l + 3];
            for (int i = start; i < end; i++) {
                acc[i] += s0 * x0[i] + s1 * x1[i] + s2 * x2[i] + s3 * x3[i];
            }
        }
        for (; l < len; l++) {
            float s = -2f * centroids[base + l];
            float[] x = columns[l];
            for (int i = start; i < end; i++) {
                acc[i] += s * x[i];
            }
        }
    }

    /**
     * Moves every centroid to the mean of its rows (summed in double); a centroid that
     * lost all its rows stays where it was, so it may win rows back next pass. Reads the
     * rows row-major ({@code rows x len}): each row adds to one contiguous sum.
     *
     * @param sums scratch of at least {@code k * len}
     * @param sizes scratch of at least {@code k}
     */
    static void update(float[] rowMajor, int rows, int len, int[] labels, int k, float[] centroids,
            double[] sums, int[] sizes) {
        Arrays.fill(sums, 0, k * len, 0);
        Arrays.fill(sizes, 0, k, 0);
        for (int i = 0; i < rows; i++) {
            int label = labels[i];
            sizes[label]++;
            int sum = label * len;
            int row = i * len;
            for (int l = 0; l < len; l++) {
                sums[sum + l] += rowMajor[row + l];
            }
        }
        for (int j = 0; j < k; j++) {
            if (sizes[j] > 0) {
                double inverse = 1.0 / sizes[j];
                for (int l = 0; l < len; l++) {
                    centroids[j * len + l] = (float) (sums[j * len + l] * inverse);
                }
            }
        }
    }

    /**
     * Renumbers {@code labels} (each below {@code k}) to {@code 0..n-1} in first-seen
     * order, dropping empty clusters, and returns {@code n}.
     *
     * @param remap scratch of at least {@code k}
     */
    static int compact(int[] labels, int rows, int k, int[] remap) {
        Arrays.fill(remap, 0, k, -1);
        int next = 0;
        for (int i = 0; i < rows; i++) {
            int label = labels[i];
            int id = remap[label];
            if (id < 0) {
                id = next++;
                remap[label] = id;
            }
            labels[i] = id;
        }
        return next;
    }
}
