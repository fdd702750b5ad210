package adr.spi.clustering;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * How good a clustering is, measured the way the engine uses it: every row is replaced
 * by its cluster's centroid (the mean of the members), so the error that matters is
 * {@code ||x - centroid(x)|| / ||x||}. Plus the exact reference for blobs fixtures:
 * every row assigned to its nearest true center by brute force.
 */
public final class ClusteringQuality {

    private ClusteringQuality() {
    }

    /**
     * The centroid of every cluster of group {@code g}: {@code count(g) x length} floats,
     * row-major, the mean of the members (accumulated in double).
     */
    public static double[] centroids(SubVectors input, Assignments assignments, int g) {
        int length = input.length();
        int count = assignments.count(g);
        double[] sums = new double[count * length];
        int[] members = new int[count];
        int[] ids = assignments.ids(g);
        FloatBuffer rows = input.group(g);
        for (int r = 0; r < input.rows(); r++) {
            int id = ids[r];
            members[id]++;
            for (int j = 0; j < length; j++) {
                sums[id * length + j] += rows.get(r * length + j);
            }
        }
        for (int id = 0; id < count; id++) {
            for (int j = 0; j < length; j++) {
                sums[id * length + j] /= Math.max(1, members[id]);
            }
        }
        return sums;
    }

    /**
     * The mean over every row of every group of {@code ||x - centroid(x)|| / ||x||}.
     * Rows that are exactly zero have no relative error and are left out of the mean.
     */
    public static double meanRelativeError(SubVectors input, Assignments assignments) {
        int length = input.length();
        double total = 0;
        long counted = 0;
        for (int g = 0; g < input.groups(); g++) {
            double[] centroids = centroids(input, assignments, g);
            int[] ids = assignments.ids(g);
            FloatBuffer rows = input.group(g);
            for (int r = 0; r < input.rows(); r++) {
                double norm = 0;
                double error = 0;
                for (int j = 0; j < length; j++) {
                    double x = rows.get(r * length + j);
                    double d = x - centroids[ids[r] * length + j];
                    norm += x * x;
                    error += d * d;
                }
                if (norm > 0) {
                    total += Math.sqrt(error / norm);
                    counted++;
                }
            }
        }
        return counted == 0 ? 0 : total / counted;
    }

    /**
     * The exact reference: every row of every group assigned to its nearest center
     * (Euclidean, brute force), ids compacted in first-seen order.
     *
     * @param centers {@code input.groups() x k x input.length()}, for example
     *     {@link ArraySubVectors#centers()}
     */
    public static Assignments nearestCenter(SubVectors input, SubVectors centers) {
        int length = input.length();
        int k = centers.rows();
        Assignments out = new Assignments(input.groups(), input.rows());
        for (int g = 0; g < input.groups(); g++) {
            FloatBuffer rows = input.group(g);
            FloatBuffer middles = centers.group(g);
            int[] compact = new int[k];
            Arrays.fill(compact, -1);
            int count = 0;
            for (int r = 0; r < input.rows(); r++) {
                int best = 0;
                double bestDistance = Double.POSITIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    double distance = 0;
                    for (int j = 0; j < length; j++) {
                        double d = rows.get(r * length + j) - middles.get(c * length + j);
                        distance += d * d;
                    }
                    if (distance < bestDistance) {
                        bestDistance = distance;
                        best = c;
                    }
                }
                if (compact[best] < 0) {
                    compact[best] = count++;
                }
                out.ids(g)[r] = compact[best];
            }
            out.setCount(g, count);
        }
        return out;
    }

    /**
     * Why {@code assignments} is not compact for {@code rows} rows of {@code groups}
     * groups (an id outside {@code [0, count)} or an id below {@code count} unused), or
     * null when it is.
     */
    public static String compactnessViolation(Assignments assignments, int groups, int rows) {
        for (int g = 0; g < groups; g++) {
            int count = assignments.count(g);
            if (count < 1 && rows > 0) {
                return "group " + g + ": count " + count + " for " + rows + " rows";
            }
            boolean[] used = new boolean[Math.max(0, count)];
            int[] ids = assignments.ids(g);
            for (int r = 0; r < rows; r++) {
                if (ids[r] < 0 || ids[r] >= count) {
                    return "group " + g + ", row " + r + ": id " + ids[r] + " outside [0, " + count + ")";
                }
                used[ids[r]] = true;
            }
            for (int id = 0; id < count; id++) {
                if (!used[id]) {
                    return "group " + g + ": id " + id + " below count " + count + " is never used";
                }
            }
        }
        return null;
    }
}
