package adr.core.reuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import adr.spi.clustering.Assignments;
import java.nio.FloatBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The many-group paths of the tables (more than {@link ClusterTables#FEW_GROUPS} groups)
 * against their definitions, computed naively in double precision: reconstruction in one
 * pass and in one pass per group, the weight gradient and the input-gradient columns,
 * with the groups' products in the loops, in BLAS, and split between them.
 */
class ClusterTablesTest {
    private static final int GROUPS = 12;
    private static final int LENGTH = 3;
    private static final int M = 5;
    /** Several images per core's slice on a 2-core machine, split unevenly. */
    private static final int BATCH = 5;
    private static final int PIXELS = 7;
    private static final int ROWS = BATCH * PIXELS;

    /** Groups have 15 to 90 multiply-adds per product: all in the loops, 3 to 6 clusters in BLAS, all in BLAS. */
    private static final long LOOPS_ONLY = BlasProducts.MIN_MULTIPLY_ADDS;
    private static final long SPLIT = 45;
    private static final long BLAS_ONLY = 0;

    @ParameterizedTest(name = "{0} table bytes per pass, BLAS from {1} multiply-adds")
    @CsvSource({"1, " + LOOPS_ONLY, ClusterTables.PASS_TABLE_BYTES + ", " + LOOPS_ONLY,
            ClusterTables.PASS_TABLE_BYTES + ", " + SPLIT, "1, " + BLAS_ONLY})
    void reconstructionIsTheBiasPlusEveryGroupsProduct(long passBytes, long blasFrom) {
        float[] rows = values(1, GROUPS * ROWS * LENGTH);
        float[] weights = values(2, GROUPS * LENGTH * M);
        float[] bias = values(3, M);
        Assignments a = assignments();
        ClusterTables tables = new ClusterTables(GROUPS, LENGTH, M, passBytes, blasFrom);
        tables.centroids(rows, ROWS, a);
        tables.products(weights);
        FloatBuffer out = FloatBuffer.allocate(BATCH * M * PIXELS);

        tables.reconstruct(a, bias, out, BATCH, PIXELS);

        double[][] centroids = centroids(rows, a);
        for (int b = 0; b < BATCH; b++) {
            for (int o = 0; o < M; o++) {
                for (int p = 0; p < PIXELS; p++) {
                    int row = b * PIXELS + p;
                    double expected = bias[o];
                    for (int g = 0; g < GROUPS; g++) {
                        for (int j = 0; j < LENGTH; j++) {
                            expected += centroids[g][a.ids(g)[row] * LENGTH + j] * weights[(g * LENGTH + j) * M + o];
                        }
                    }
                    assertThat(out.get((b * M + o) * PIXELS + p)).isCloseTo((float) expected, within(1e-4f));
                }
            }
        }
    }

    @ParameterizedTest(name = "BLAS from {0} multiply-adds")
    @ValueSource(longs = {LOOPS_ONLY, SPLIT, BLAS_ONLY})
    void weightGradientIsTheCentroidsTimesTheGradientSums(long blasFrom) {
        float[] rows = values(7, GROUPS * ROWS * LENGTH);
        float[] gradRows = values(8, ROWS * M);
        Assignments a = assignments();
        ClusterTables tables = withGradientSums(blasFrom, rows, gradRows, a);

        float[] gradient = tables.weightGradient();

        double[][] centroids = centroids(rows, a);
        for (int g = 0; g < GROUPS; g++) {
            for (int j = 0; j < LENGTH; j++) {
                for (int o = 0; o < M; o++) {
                    double expected = 0;
                    for (int r = 0; r < ROWS; r++) {
                        expected += centroids[g][a.ids(g)[r] * LENGTH + j] * gradRows[r * M + o];
                    }
                    assertThat(gradient[(g * LENGTH + j) * M + o]).isCloseTo((float) expected, within(1e-4f));
                }
            }
        }
    }

    @ParameterizedTest(name = "BLAS from {0} multiply-adds")
    @ValueSource(longs = {LOOPS_ONLY, SPLIT, BLAS_ONLY})
    void inputGradientColumnsAreTheMeanGradientTimesTheWeights(long blasFrom) {
        float[] weights = values(4, GROUPS * LENGTH * M);
        float[] gradRows = values(5, ROWS * M);
        Assignments a = assignments();
        ClusterTables tables = withGradientSums(blasFrom, values(6, GROUPS * ROWS * LENGTH), gradRows, a);

        float[] columns = tables.inputGradientColumns(weights);

        for (int g = 0; g < GROUPS; g++) {
            for (int c = 0; c < a.count(g); c++) {
                double[] mean = new double[M];
                int members = 0;
                for (int r = 0; r < ROWS; r++) {
                    if (a.ids(g)[r] == c) {
                        members++;
                        for (int o = 0; o < M; o++) {
                            mean[o] += gradRows[r * M + o];
                        }
                    }
                }
                for (int j = 0; j < LENGTH; j++) {
                    double expected = 0;
                    for (int o = 0; o < M; o++) {
                        expected += mean[o] / members * weights[(g * LENGTH + j) * M + o];
                    }
                    assertThat(columns[tables.inputGradientColumn(g, j) + c]).isCloseTo((float) expected,
                            within(1e-4f));
                }
            }
        }
    }

    /** Tables after a forward's centroids and a backward's gradient sums, as the backward products find them. */
    private static ClusterTables withGradientSums(long blasFrom, float[] rows, float[] gradRows, Assignments a) {
        ClusterTables tables = new ClusterTables(GROUPS, LENGTH, M, ClusterTables.PASS_TABLE_BYTES, blasFrom);
        tables.centroids(rows, ROWS, a);
        tables.gradientSums(a, gradRows, ROWS);
        return tables;
    }

    /** Compact ids with a different cluster count per group (1 to 6), every id used. */
    private static Assignments assignments() {
        Assignments a = new Assignments(GROUPS, ROWS);
        SplittableRandom random = new SplittableRandom(7);
        for (int g = 0; g < GROUPS; g++) {
            int count = 1 + g % 6;
            for (int r = 0; r < ROWS; r++) {
                a.ids(g)[r] = r < count ? r : random.nextInt(count);
            }
            a.setCount(g, count);
        }
        return a;
    }

    /** Every group's cluster means, {@code [count][L]} per group, from rows {@code [G][N][L]}. */
    private static double[][] centroids(float[] rows, Assignments a) {
        double[][] out = new double[GROUPS][];
        for (int g = 0; g < GROUPS; g++) {
            out[g] = new double[a.count(g) * LENGTH];
            int[] members = new int[a.count(g)];
            for (int r = 0; r < ROWS; r++) {
                int c = a.ids(g)[r];
                members[c]++;
                for (int j = 0; j < LENGTH; j++) {
                    out[g][c * LENGTH + j] += rows[(g * ROWS + r) * LENGTH + j];
                }
            }
            for (int i = 0; i < out[g].length; i++) {
                out[g][i] /= members[i / LENGTH];
            }
        }
        return out;
    }

    private static float[] values(long seed, int n) {
        double[] gaussian = TestArrays.gaussian(seed, n);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) gaussian[i];
        }
        return out;
    }
}
