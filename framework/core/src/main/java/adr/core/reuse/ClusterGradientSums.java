package adr.core.reuse;

import static adr.core.reuse.KeptArrays.zeroed;

import adr.spi.clustering.Assignments;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The backward pass's per-cluster output-gradient sums of one reuse step,
 * {@code S_g[c] = sum of dY[n] over the members n of cluster c}, laid out as
 * {@link ClusterTables} lays out its tables: {@code [G][nmax][M]}, padding rows zero.
 */
final class ClusterGradientSums {
    private final int groups;
    private final int outChannels;
    private float[] sums = new float[0];
    /** One slice per core, each keeping a table of its own: the slices' tables are added up after. */
    private final WorkerScratch partialTables = WorkerScratch.perCore(1);
    /** Per slice of {@link #partialTables}: the image it is adding. */
    private final WorkerScratch images = WorkerScratch.perCore(1);

    ClusterGradientSums(int groups, int outChannels) {
        this.groups = groups;
        this.outChannels = outChannels;
    }

    /** The sums of the last step, {@code [G][maxClusters][M]}. */
    float[] table() {
        return sums;
    }

    /**
     * The sums from the NCHW output gradient {@code [batch, M, pixels]}: each worker sums a
     * slice of the images into a table of its own, then the tables are added, so a single
     * group still uses every core. Pixel by pixel, a row's channels are read a plane apart
     * (each cache line serves {@code 16} pixels in turn) and added to its cluster's
     * contiguous table row: no transposed copy, and consecutive adds go to different
     * addresses even when neighbouring pixels share a cluster.
     */
    void fromPlanes(Assignments a, int maxClusters, FloatBuffer grad, int batch, int pixels) {
        int m = outChannels;
        int size = groups * maxClusters * m;
        partialTables.forEachSlice(batch, (slice, first, end) -> {
            float[] partial = partialTables.array(slice, size);
            Arrays.fill(partial, 0, size, 0f);
            float[] image = images.array(slice, m * pixels);
            for (int b = first; b < end; b++) {
                grad.get(b * m * pixels, image, 0, m * pixels); // one image at a time: stays in cache
                addImage(a, maxClusters, image, b, pixels, partial);
            }
        });
        sums = zeroed(sums, size);
        for (int slice = 0; slice < partialTables.slices(batch); slice++) {
            float[] partial = partialTables.array(slice, size);
            for (int i = 0; i < size; i++) {
                sums[i] += partial[i];
            }
        }
    }

    /** Adds every pixel of image {@code b} (its gradient {@code [M, pixels]}) into its cluster's row of every group. */
    private void addImage(Assignments a, int maxClusters, float[] image, int b, int pixels, float[] partial) {
        int m = outChannels;
        for (int g = 0; g < groups; g++) {
            int[] ids = a.ids(g);
            int base = g * maxClusters;
            for (int p = 0, row = b * pixels; p < pixels; p++, row++) {
                int to = (base + ids[row]) * m;
                for (int o = 0, from = p; o < m; o++, from += pixels) {
                    partial[to + o] += image[from];
                }
            }
        }
    }

    /** The sums from the output gradient as rows {@code [N][M]}, one group per worker. */
    void fromRows(Assignments a, int maxClusters, float[] gradRows, int n) {
        int m = outChannels;
        sums = zeroed(sums, groups * maxClusters * m);
        IntStream.range(0, groups).parallel().forEach(g -> {
            int[] ids = a.ids(g);
            int base = g * maxClusters;
            for (int r = 0; r < n; r++) {
                int to = (base + ids[r]) * m;
                for (int o = 0, from = r * m; o < m; o++, from++) {
                    sums[to + o] += gradRows[from];
                }
            }
        });
    }

    /**
     * The bias gradient {@code sum_n dY[n]}: every row is in exactly one cluster of
     * group 0, so summing that group's clusters sums every row.
     */
    float[] biasGradient(Assignments a) {
        int m = outChannels;
        float[] bias = new float[m];
        for (int c = 0; c < a.count(0); c++) {
            for (int o = 0, from = c * m; o < m; o++, from++) {
                bias[o] += sums[from];
            }
        }
        return bias;
    }
}
