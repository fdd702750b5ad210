package adr.plugins.kmeans;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Initial centroids for one group (rows held column by column, as in {@link Lloyd}),
 * copied from its rows.
 *
 * <p>Greedy k-means++ (Arthur and Vassilvitskii, "k-means++: The Advantages of Careful
 * Seeding", SODA 2007, whose greedy variant scikit-learn uses with {@code 2 + ln k}
 * trials): the first centre is a uniformly random row; for each next one, draw
 * {@link #trials(int)} rows with probability proportional to their squared distance to
 * the nearest centre so far and keep the one that lowers the total most. Plain
 * k-means++ (one trial) missed a blob in 16 of 120 groups of a blobs fixture whose blob
 * norms differ 8-fold (the large blobs' noise outweighs a small unclaimed blob); the
 * greedy draw is there for that. It never picks a row equal to an existing centre, so
 * it stops early when a group has fewer than {@code k} distinct rows. Costs
 * {@code rows * (1 + (count - 1) * trials)} distance evaluations, which warm starts pay
 * once per layer.
 *
 * <p>Random seeding picks {@code k} distinct row indices (rows may still be equal; the
 * duplicates' clusters then come out empty and are dropped).
 */
final class Seeding {

    private Seeding() {
    }

    /** Candidates drawn per centre after the first: {@code 2 + floor(ln k)}. */
    static int trials(int k) {
        return 2 + (int) Math.log(k);
    }

    /**
     * @param nearest scratch of at least {@code rows}: squared distance to the nearest centre
     * @param cumulative scratch of at least {@code rows}: running sums of {@code nearest}
     * @param distance scratch of at least {@code rows}
     * @param bestDistance scratch of at least {@code rows}
     * @return the number of centroids written, 1 to {@code k}
     */
    static int kMeansPlusPlus(float[][] columns, int rows, int len, int k, SplittableRandom random,
            float[] nearest, double[] cumulative, float[] distance, float[] bestDistance, float[] centroids) {
        int first = random.nextInt(rows);
        copyRow(columns, first, len, centroids, 0);
        squaredDistances(columns, rows, len, first, nearest);
        int trials = trials(k);
        int count = 1;
        for (double total = runningSums(nearest, rows, cumulative); count < k && total > 0; count++) {
            int bestRow = -1;
            double bestTotal = Double.POSITIVE_INFINITY;
            float[] trial = distance;
            float[] best = bestDistance;
            for (int t = 0; t < trials; t++) {
                int row = draw(cumulative, rows, random.nextDouble() * total);
                squaredDistances(columns, rows, len, row, trial);
                double potential = potential(nearest, trial, rows);
                if (potential < bestTotal) {
                    bestTotal = potential;
                    bestRow = row;
                    float[] swap = best;
                    best = trial;
                    trial = swap;
                }
            }
            copyRow(columns, bestRow, len, centroids, count);
            for (int i = 0; i < rows; i++) {
                nearest[i] = Math.min(nearest[i], best[i]);
            }
            total = runningSums(nearest, rows, cumulative);
        }
        return count;
    }

    /**
     * @param order scratch of at least {@code rows}
     * @return {@code k}
     */
    static int random(float[][] columns, int rows, int len, int k, SplittableRandom random, int[] order,
            float[] centroids) {
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        for (int j = 0; j < k; j++) {
            int swap = j + random.nextInt(rows - j);
            int row = order[swap];
            order[swap] = order[j];
            order[j] = row;
            copyRow(columns, row, len, centroids, j);
        }
        return k;
    }

    /**
     * The first row whose running sum exceeds {@code target}, a row of positive weight
     * (the sums rise only there); the last such row if rounding put {@code target} at the end.
     */
    private static int draw(double[] cumulative, int rows, double target) {
        int low = 0;
        int high = rows - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulative[middle] > target) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        while (low > 0 && cumulative[low] == cumulative[low - 1]) {
            low--; // target at or past the total: step back to the last row of positive weight
        }
        return low;
    }

    /** Fills {@code cumulative} with the running sums of {@code weights} and returns the total. */
    private static double runningSums(float[] weights, int rows, double[] cumulative) {
        double sum = 0;
        for (int i = 0; i < rows; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
        return sum;
    }

    /** {@code sum_i min(nearest[i], candidate[i])}, in four chains so the adds overlap. */
    private static double potential(float[] nearest, float[] candidate, int rows) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 4 <= rows; i += 4) {
            s0 += Math.min(nearest[i], candidate[i]);
            s1 += Math.min(nearest[i + 1], candidate[i + 1]);
            s2 += Math.min(nearest[i + 2], candidate[i + 2]);
            s3 += Math.min(nearest[i + 3], candidate[i + 3]);
        }
        for (; i < rows; i++) {
            s0 += Math.min(nearest[i], candidate[i]);
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** {@code out[i] = ||x_i - x_row||^2} for every row. */
    private static void squaredDistances(float[][] columns, int rows, int len, int row, float[] out) {
        Arrays.fill(out, 0, rows, 0f);
        for (int l = 0; l < len; l++) {
            float[] x = columns[l];
            float c = x[row];
            for (int i = 0; i < rows; i++) {
                float d = x[i] - c;
                out[i] += d * d;
            }
        }
    }

    private static void copyRow(float[][] columns, int row, int len, float[] centroids, int j) {
        for (int l = 0; l < len; l++) {
            centroids[j * len + l] = columns[l][row];
        }
    }
}
