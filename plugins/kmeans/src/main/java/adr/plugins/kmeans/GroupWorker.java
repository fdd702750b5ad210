package adr.plugins.kmeans;

import java.nio.FloatBuffer;
import java.util.SplittableRandom;

/**
 * One worker thread's scratch and the k-means of one group at a time. Scratch grows to
 * the largest shape seen and is then reused, so a step allocates nothing here but the
 * seeding random. Counts what it computed since the last {@link #resetCounters()}.
 */
final class GroupWorker {
    private final KMeansOptions options;

    private float[] rowMajor = new float[0];
    private float[][] columns = new float[0][];
    private float[] acc = new float[0];
    private float[] best = new float[0];
    private float[] spare = new float[0];
    private double[] cumulative = new double[0];
    private int[] order = new int[0];
    private float[] norms = new float[0];
    private double[] sums = new double[0];
    private int[] sizes = new int[0];
    private int[] remap = new int[0];

    long assignmentEvaluations;
    long seedingEvaluations;
    int warmStartedGroups;

    GroupWorker(KMeansOptions options) {
        this.options = options;
    }

    void resetCounters() {
        assignmentEvaluations = 0;
        seedingEvaluations = 0;
        warmStartedGroups = 0;
    }

    /**
     * Clusters group {@code g}: seeds its centroids unless warm starts are on and it
     * holds {@code k} valid ones from the previous call, runs the Lloyd passes, writes
     * compact ids to {@code ids} and, when warm starts are on, leaves the centroids
     * moved to the final clusters' means for the next call.
     *
     * @param group {@code n x len} floats, row-major, read with absolute gets only
     * @param state the layer's centroids; this worker owns slot {@code g} during the call
     * @param parallelRows whether the assignment passes spread the rows over the common
     *     pool (when there are fewer groups than cores, so the groups alone leave some idle)
     * @return the number of compact clusters written to {@code ids}
     */
    int cluster(FloatBuffer group, int n, int len, int k, CentroidState state, int g, long seed, int[] ids,
            boolean parallelRows) {
        ensureCapacity(n, len, k);
        load(group, n, len);
        float[] centroids = state.centroids(g);
        int valid;
        if (options.warmStart() && state.valid(g) == k) {
            valid = k;
            warmStartedGroups++;
        } else if (options.init() == KMeansOptions.Init.RANDOM) {
            valid = Seeding.random(columns, n, len, k, new SplittableRandom(seed), order, centroids);
        } else {
            valid = Seeding.kMeansPlusPlus(columns, n, len, k, new SplittableRandom(seed), best, cumulative, acc,
                    spare, centroids);
            seedingEvaluations += (long) n * (1 + (valid - 1L) * Seeding.trials(k));
        }
        for (int pass = 0; pass < options.iterations(); pass++) {
            if (pass > 0) {
                Lloyd.update(rowMajor, n, len, ids, valid, centroids, sums, sizes);
            }
            Lloyd.assign(columns, n, len, centroids, valid, ids, norms, acc, best, parallelRows);
        }
        assignmentEvaluations += (long) n * valid * options.iterations();
        if (options.warmStart()) {
            Lloyd.update(rowMajor, n, len, ids, valid, centroids, sums, sizes);
        }
        state.setValid(g, valid);
        return Lloyd.compact(ids, n, valid, remap);
    }

    /** Copies the group in with one bulk get, then transposes it to columns. */
    private void load(FloatBuffer group, int n, int len) {
        group.get(0, rowMajor, 0, n * len);
        for (int l = 0; l < len; l++) {
            float[] column = columns[l];
            for (int i = 0, at = l; i < n; i++, at += len) {
                column[i] = rowMajor[at];
            }
        }
    }

    private void ensureCapacity(int n, int len, int k) {
        if (rowMajor.length < n * len) {
            rowMajor = new float[n * len];
        }
        if (columns.length < len || acc.length < n) {
            int rows = Math.max(n, acc.length);
            columns = new float[Math.max(len, columns.length)][rows];
            acc = new float[rows];
            best = new float[rows];
            spare = new float[rows];
            cumulative = new double[rows];
            order = new int[rows];
        }
        if (sums.length < k * len) {
            sums = new double[k * len];
        }
        if (norms.length < k) {
            norms = new float[k];
            sizes = new int[k];
            remap = new int[k];
        }
    }
}
