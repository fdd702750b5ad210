package adr.spi.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClusteringQualityTest {

    private static Assignments of(int[] ids, int count) {
        Assignments a = new Assignments(1, ids.length);
        System.arraycopy(ids, 0, a.ids(0), 0, ids.length);
        a.setCount(0, count);
        return a;
    }

    @Test
    void centroidsAreMemberMeansAndTheErrorIsRelativeToEachRow() {
        // rows (1,0), (3,0), (0,2): clusters {0,1} and {2}
        ArraySubVectors input = new ArraySubVectors(1, 3, 2, new float[] {1, 0, 3, 0, 0, 2});
        Assignments a = of(new int[] {0, 0, 1}, 2);

        assertThat(ClusteringQuality.centroids(input, a, 0)).containsExactly(2, 0, 0, 2);
        // |1-2|/1 = 1, |3-2|/3 = 1/3, 0
        assertThat(ClusteringQuality.meanRelativeError(input, a)).isCloseTo((1 + 1.0 / 3) / 3, within(1e-12));
    }

    @Test
    void zeroRowsAreLeftOutOfTheMean() {
        ArraySubVectors input = new ArraySubVectors(1, 2, 1, new float[] {0, 4});
        assertThat(ClusteringQuality.meanRelativeError(input, of(new int[] {0, 0}, 1))).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void everyRowItsOwnClusterHasNoError() {
        ArraySubVectors input = ArraySubVectors.random(1, 5, 3, 1);
        assertThat(ClusteringQuality.meanRelativeError(input, of(new int[] {0, 1, 2, 3, 4}, 5))).isZero();
    }

    @Test
    void compactnessViolationsAreNamed() {
        assertThat(ClusteringQuality.compactnessViolation(of(new int[] {0, 1, 1}, 2), 1, 3)).isNull();
        assertThat(ClusteringQuality.compactnessViolation(of(new int[] {0, 2, 2}, 3), 1, 3))
                .contains("id 1 below count 3 is never used");
        assertThat(ClusteringQuality.compactnessViolation(of(new int[] {0, 2, 1}, 2), 1, 3))
                .contains("row 1: id 2 outside [0, 2)");
        assertThat(ClusteringQuality.compactnessViolation(of(new int[] {0, 0, 0}, 0), 1, 3)).contains("count 0");
    }

    @Test
    void nearestCenterIsTheBruteForceAssignmentInFirstSeenOrder() {
        ArraySubVectors input = new ArraySubVectors(1, 3, 1, new float[] {9, 1, 8});
        ArraySubVectors centers = new ArraySubVectors(1, 2, 1, new float[] {0, 10});

        Assignments a = ClusteringQuality.nearestCenter(input, centers);

        assertThat(a.ids(0)).containsExactly(0, 1, 0);
        assertThat(a.count(0)).isEqualTo(2);
    }
}
