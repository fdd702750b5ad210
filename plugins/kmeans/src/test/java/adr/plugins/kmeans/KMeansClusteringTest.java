package adr.plugins.kmeans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import adr.spi.clustering.ArraySubVectors;
import adr.spi.clustering.Assignments;
import adr.spi.clustering.ClusteringQuality;
import adr.spi.reuse.ReuseSetting;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KMeansClusteringTest {
    private static final long SEED = 20190408L;

    @ParameterizedTest(name = "fixture seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void recoversWellSeparatedBlobsWhenKIsTheNumberOfBlobs(long fixtureSeed) {
        int groups = 4;
        int rows = 2000;
        ArraySubVectors input = ArraySubVectors.blobs(groups, rows, 16, 8, 0.03, fixtureSeed);
        Assignments truth = ClusteringQuality.nearestCenter(input, input.centers());
        KMeansClustering kmeans = Configs.kmeans(groups, new ReuseSetting(16, 3), Map.of("k-mode", "fixed"), SEED);

        Assignments out = new Assignments(groups, rows);
        kmeans.cluster(input, out);

        double error = ClusteringQuality.meanRelativeError(input, out);
        double reference = ClusteringQuality.meanRelativeError(input, truth);
        assertThat(error).as("mean relative error against the brute-force reference %.4f", reference)
                .isLessThanOrEqualTo(1.02 * reference);
        for (int g = 0; g < groups; g++) {
            assertThat(agreement(truth.ids(g), out.ids(g), rows)).as("agreement with the true blobs, group %d", g)
                    .isGreaterThanOrEqualTo(0.999);
        }
    }

    @Test
    void aWarmSecondCallContinuesWhereTheFirstStopped() {
        ArraySubVectors input = ArraySubVectors.random(3, 1500, 8, SEED);
        ReuseSetting setting = new ReuseSetting(8, 10);
        Map<String, Object> onePass = Map.of("target-ratio", 0.05, "iterations", 1);
        KMeansClustering warm = Configs.kmeans(3, setting, onePass, SEED);
        Assignments out = new Assignments(3, 1500);

        warm.cluster(input, out);
        double first = ClusteringQuality.meanRelativeError(input, out);
        warm.cluster(input, out);
        double second = ClusteringQuality.meanRelativeError(input, out);

        assertThat(second).as("error after a warm start, first call %.4f", first).isLessThan(first);
        assertThat(warm.lastCost().warmStartedGroups()).isEqualTo(3);
        assertThat(warm.lastCost().seedingEvaluations()).isZero();
        // one warm pass after one cold pass is exactly a cold call with two passes
        Assignments twoPasses = new Assignments(3, 1500);
        Configs.kmeans(3, setting, Map.of("target-ratio", 0.05, "iterations", 2), SEED).cluster(input, twoPasses);
        for (int g = 0; g < 3; g++) {
            assertThat(out.ids(g)).as("group %d", g).containsExactly(twoPasses.ids(g));
        }
    }

    @Test
    void withoutWarmStartsEveryCallStartsOver() {
        ArraySubVectors input = ArraySubVectors.random(2, 1000, 8, SEED);
        KMeansClustering cold = Configs.kmeans(2, new ReuseSetting(8, 10),
                Map.of("target-ratio", 0.05, "iterations", 1, "warm-start", false), SEED);
        Assignments first = new Assignments(2, 1000);
        Assignments second = new Assignments(2, 1000);

        cold.cluster(input, first);
        cold.cluster(input, second);

        assertThat(cold.lastCost().warmStartedGroups()).isZero();
        for (int g = 0; g < 2; g++) {
            assertThat(second.ids(g)).containsExactly(first.ids(g));
        }
    }

    @Test
    void ratioModeGivesAboutTargetRatioTimesRowsClusters() {
        ArraySubVectors input = ArraySubVectors.random(3, 3000, 16, SEED);
        KMeansClustering kmeans = Configs.kmeans(3, new ReuseSetting(16, 12), Map.of("target-ratio", 0.1), SEED);
        Assignments out = new Assignments(3, 3000);

        kmeans.cluster(input, out);

        for (int g = 0; g < 3; g++) {
            assertThat(out.count(g)).as("clusters of group %d", g).isBetween(285, 300);
        }
        assertThat(out.remainingRatio()).isBetween(0.095, 0.1);
    }

    @Test
    void neverMoreThanTheSettingAllows() {
        ArraySubVectors input = ArraySubVectors.random(2, 500, 4, SEED);
        Assignments out = new Assignments(2, 500);

        Configs.kmeans(2, new ReuseSetting(4, 4), Map.of("target-ratio", 1.0), SEED).cluster(input, out);

        assertThat(out.count(0)).isEqualTo(16);
        assertThat(out.count(1)).isEqualTo(16);
    }

    @Test
    void fixedModeWithMoreCentroidsThanRowsGivesEveryDistinctRowItsOwnCluster() {
        ArraySubVectors input = ArraySubVectors.random(2, 10, 4, SEED);
        Assignments out = new Assignments(2, 10);

        Configs.kmeans(2, new ReuseSetting(4, 8), Map.of("k-mode", "fixed"), SEED).cluster(input, out);

        for (int g = 0; g < 2; g++) {
            assertThat(out.count(g)).isEqualTo(10);
            assertThat(out.ids(g)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9); // first-seen order
        }
    }

    @Test
    void reportsTheCostOfTheLastCall() {
        ArraySubVectors input = ArraySubVectors.random(3, 1000, 16, SEED);
        KMeansClustering kmeans = Configs.kmeans(3, new ReuseSetting(16, 5), Map.of("k-mode", "fixed"), SEED);
        Assignments out = new Assignments(3, 1000);
        assertThat(kmeans.lastCost()).isNull();

        kmeans.cluster(input, out);
        KMeansCost cold = kmeans.lastCost();
        kmeans.cluster(input, out);
        KMeansCost warm = kmeans.lastCost();

        assertThat(cold.assignmentEvaluations()).isEqualTo(3L * 1000 * 32 * 3);
        // greedy k-means++: one row for the first centre, then 2 + floor(ln 32) = 5 candidates per centre
        assertThat(cold.seedingEvaluations()).isEqualTo(3L * 1000 * (1 + 31 * 5));
        assertThat(cold.multiplyAdds()).isEqualTo(cold.distanceEvaluations() * 16);
        assertThat(cold.warmStartedGroups()).isZero();
        assertThat(cold.nanos()).isPositive();
        assertThat(warm).extracting(KMeansCost::groups, KMeansCost::rows, KMeansCost::length, KMeansCost::clusters,
                KMeansCost::iterations, KMeansCost::warmStartedGroups, KMeansCost::distanceEvaluations)
                .containsExactly(3, 1000, 16, 32, 3, 3, 3L * 1000 * 32 * 3);
    }

    /** Two steps (cold, then warm) on one thread and on {@code threads} give the same compact ids in every group. */
    private static void assertSameOnOneAndMoreThreads(int groups, int rows, double targetRatio, int threads) {
        ArraySubVectors input = ArraySubVectors.blobs(groups, rows, 8, 20, 0.1, SEED);
        KMeansOptions options = KMeansOptions.from(Configs.config(Map.of("target-ratio", targetRatio)));
        ReuseSetting setting = new ReuseSetting(8, 8);
        KMeansClustering one = new KMeansClustering(setting, options, SEED, 1);
        KMeansClustering more = new KMeansClustering(setting, options, SEED, threads);

        for (int step = 0; step < 2; step++) {
            Assignments a = new Assignments(groups, rows);
            Assignments b = new Assignments(groups, rows);
            one.cluster(input, a);
            more.cluster(input, b);
            for (int g = 0; g < groups; g++) {
                assertThat(b.count(g)).isEqualTo(a.count(g)).isGreaterThan(1);
                assertThat(b.ids(g)).as("step %d group %d", step, g).containsExactly(a.ids(g));
            }
        }
    }

    @Test
    void theResultDoesNotDependOnTheNumberOfThreads() {
        assertSameOnOneAndMoreThreads(7, 900, 0.03, 3);
    }

    @Test
    void oneGroupSplitOverThreadsGivesTheSameResult() {
        // 3000 rows: several assignment blocks, which the threads share
        assertSameOnOneAndMoreThreads(1, 3000, 0.01, 2);
    }

    @Test
    void emptyInputsGiveEmptyAssignments() {
        KMeansClustering kmeans = Configs.kmeans(2, new ReuseSetting(4, 4), Map.of(), SEED);
        Assignments noRows = new Assignments(2, 0);

        kmeans.cluster(new ArraySubVectors(2, 0, 4, new float[0]), noRows);
        kmeans.cluster(new ArraySubVectors(0, 0, 4, new float[0]), new Assignments(0, 0));

        assertThat(noRows.count(0)).isZero();
        assertThat(noRows.count(1)).isZero();
    }

    @Test
    void rejectsAssignmentsOfAnotherShape() {
        KMeansClustering kmeans = Configs.kmeans(2, new ReuseSetting(4, 4), Map.of(), SEED);

        assertThatThrownBy(() -> kmeans.cluster(ArraySubVectors.random(2, 50, 4, SEED), new Assignments(2, 40)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 x 40").hasMessageContaining("2 groups x 50 rows");
    }

    /**
     * The fraction of rows on which two clusterings agree after matching their clusters
     * one to one, greedily by the number of shared rows: 1 when they are the same up to
     * renumbering.
     */
    private static double agreement(int[] truth, int[] found, int rows) {
        Map<Long, Integer> shared = new HashMap<>();
        for (int r = 0; r < rows; r++) {
            shared.merge((long) truth[r] << 32 | found[r], 1, Integer::sum);
        }
        Set<Integer> matchedTruth = new HashSet<>();
        Set<Integer> matchedFound = new HashSet<>();
        int agreeing = 0;
        for (var pair : shared.entrySet().stream()
                .sorted(Map.Entry.<Long, Integer>comparingByValue().reversed()).toList()) {
            int t = (int) (pair.getKey() >>> 32);
            int f = (int) (long) pair.getKey();
            if (!matchedTruth.contains(t) && !matchedFound.contains(f)) {
                matchedTruth.add(t);
                matchedFound.add(f);
                agreeing += pair.getValue();
            }
        }
        return (double) agreeing / rows;
    }
}
