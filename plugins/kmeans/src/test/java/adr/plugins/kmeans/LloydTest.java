package adr.plugins.kmeans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The kernels against plain double-precision references. */
class LloydTest {

    @Test
    void assignsEveryRowToItsNearestCentroidUpToFloatTies() {
        int rows = 1500; // not a multiple of the block
        int len = 7; // not a multiple of the 4-coordinate sweep
        int k = 37;
        SplittableRandom random = new SplittableRandom(7);
        float[][] columns = gaussianColumns(rows, len, random);
        float[] centroids = new float[k * len];
        for (int i = 0; i < centroids.length; i++) {
            centroids[i] = (float) (random.nextGaussian() * 0.8);
        }
        int[] labels = new int[rows];

        Lloyd.assign(columns, rows, len, centroids, k, labels, new float[k], new float[rows], new float[rows],
                false);

        int exact = 0;
        for (int r = 0; r < rows; r++) {
            double[] distances = new double[k];
            for (int j = 0; j < k; j++) {
                for (int l = 0; l < len; l++) {
                    double d = columns[l][r] - centroids[j * len + l];
                    distances[j] += d * d;
                }
            }
            double nearest = Arrays.stream(distances).min().orElseThrow();
            assertThat(distances[labels[r]]).as("row %d", r).isCloseTo(nearest, offset(1e-5 * (1 + nearest)));
            exact += distances[labels[r]] == nearest ? 1 : 0;
        }
        assertThat(exact).isGreaterThan(rows * 99 / 100);
    }

    @Test
    void tiesGoToTheLowestCentroid() {
        float[][] columns = {{0f, 2f, -1f}, {0f, 2f, -1f}};
        float[] centroids = {1f, 1f, -1f, -1f, 1f, 1f, 3f, 3f};
        int[] labels = new int[3];

        Lloyd.assign(columns, 3, 2, centroids, 4, labels, new float[4], new float[3], new float[3], false);

        // (0,0) is equally far from centroids 0, 1 and 2; (2,2) from 0, 2 and 3; (-1,-1) sits on 1
        assertThat(labels).containsExactly(0, 0, 1);
    }

    @Test
    void updateMovesCentroidsToTheirMeansAndKeepsEmptyOnes() {
        float[] rows = {0, 0, 2, 2, 4, 4, 10, 10};
        int[] labels = {0, 0, 0, 2};
        float[] centroids = {9, 9, 7, 7, 9, 9};

        Lloyd.update(rows, 4, 2, labels, 3, centroids, new double[6], new int[3]);

        assertThat(centroids).containsExactly(2, 2, 7, 7, 10, 10);
    }

    @Test
    void compactRenumbersInFirstSeenOrderAndDropsEmptyClusters() {
        int[] labels = {5, 2, 5, 0, 2, 5};

        int count = Lloyd.compact(labels, 6, 6, new int[6]);

        assertThat(count).isEqualTo(3);
        assertThat(labels).containsExactly(0, 1, 0, 2, 1, 0);
    }

    @Test
    void kMeansPlusPlusStopsAtTheNumberOfDistinctRows() {
        float[][] columns = {{1, 1, 3, 3, 3, 5}, {0, 0, 0, 0, 0, 2}};
        float[] centroids = new float[10 * 2];

        int count = Seeding.kMeansPlusPlus(columns, 6, 2, 10, new SplittableRandom(3), new float[6], new double[6],
                new float[6], new float[6], centroids);

        assertThat(count).isEqualTo(3);
        List<String> picked = List.of(Arrays.toString(Arrays.copyOfRange(centroids, 0, 2)),
                Arrays.toString(Arrays.copyOfRange(centroids, 2, 4)),
                Arrays.toString(Arrays.copyOfRange(centroids, 4, 6)));
        assertThat(picked).containsExactlyInAnyOrder("[1.0, 0.0]", "[3.0, 0.0]", "[5.0, 2.0]");
    }

    @Test
    void randomSeedingPicksDistinctRows() {
        int rows = 50;
        float[][] columns = {new float[rows]};
        for (int r = 0; r < rows; r++) {
            columns[0][r] = r;
        }
        float[] centroids = new float[rows];

        int count = Seeding.random(columns, rows, 1, rows, new SplittableRandom(5), new int[rows], centroids);

        assertThat(count).isEqualTo(rows);
        Arrays.sort(centroids);
        for (int r = 0; r < rows; r++) {
            assertThat(centroids[r]).isEqualTo(r);
        }
    }

    private static float[][] gaussianColumns(int rows, int len, SplittableRandom random) {
        float[][] columns = new float[len][rows];
        for (int r = 0; r < rows; r++) {
            for (int l = 0; l < len; l++) {
                columns[l][r] = (float) random.nextGaussian();
            }
        }
        return columns;
    }
}
