package adr.spi.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.FloatBuffer;
import java.nio.ReadOnlyBufferException;
import org.junit.jupiter.api.Test;

class ArraySubVectorsTest {

    @Test
    void groupIsAReadOnlySliceOfTheRowMajorData() {
        float[] data = new float[2 * 3 * 2];
        for (int i = 0; i < data.length; i++) {
            data[i] = i;
        }
        ArraySubVectors input = new ArraySubVectors(2, 3, 2, data);

        FloatBuffer group = input.group(1);

        assertThat(group.position()).isZero();
        assertThat(group.remaining()).isEqualTo(6);
        assertThat(group.get(2 * 2 + 1)).isEqualTo(11f); // group 1, row 2, column 1
        assertThat(input.get(1, 2, 1)).isEqualTo(11f);
        assertThatThrownBy(() -> group.put(0, 1f)).isInstanceOf(ReadOnlyBufferException.class);
    }

    @Test
    void projectIsTheGroupRowHeadProduct() {
        ArraySubVectors input = ArraySubVectors.random(3, 5, 4, 7);
        float[] directions = new float[4 * 2];
        for (int i = 0; i < directions.length; i++) {
            directions[i] = i - 3;
        }

        FloatBuffer projections = input.project(directions, 2);

        assertThat(projections.remaining()).isEqualTo(3 * 5 * 2);
        for (int g = 0; g < 3; g++) {
            for (int r = 0; r < 5; r++) {
                for (int h = 0; h < 2; h++) {
                    double expected = 0;
                    for (int j = 0; j < 4; j++) {
                        expected += input.get(g, r, j) * directions[j * 2 + h];
                    }
                    assertThat((double) projections.get((g * 5 + r) * 2 + h)).isCloseTo(expected,
                            within(1e-4));
                }
            }
        }
        assertThat(input.projectCalls()).isEqualTo(1);
        assertThatThrownBy(() -> input.project(new float[3], 2)).hasMessageContaining("4 x 2");
    }

    @Test
    void fixturesAreDeterministic() {
        assertThat(ArraySubVectors.random(2, 10, 3, 5).get(1, 9, 2))
                .isEqualTo(ArraySubVectors.random(2, 10, 3, 5).get(1, 9, 2));
        assertThat(ArraySubVectors.blobs(2, 10, 3, 4, 0.1, 5).get(1, 9, 2))
                .isEqualTo(ArraySubVectors.blobs(2, 10, 3, 4, 0.1, 5).get(1, 9, 2));
    }

    @Test
    void blobsHaveSeparatedCentersOfDifferentNormsIncludingATwiceAsLongOne() {
        ArraySubVectors blobs = ArraySubVectors.blobs(3, 2000, 16, 8, 0.02, 11);
        ArraySubVectors centers = blobs.centers();

        assertThat(centers.groups()).isEqualTo(3);
        assertThat(centers.rows()).isEqualTo(8);
        for (int g = 0; g < 3; g++) {
            for (int j = 0; j < 16; j++) {
                assertThat(centers.get(g, 7, j)).isEqualTo(2 * centers.get(g, 0, j));
            }
        }
        Assignments truth = ClusteringQuality.nearestCenter(blobs, centers);
        assertThat(truth.count(0)).isEqualTo(8);
        assertThat(ClusteringQuality.meanRelativeError(blobs, truth)).isBetween(0.015, 0.021);
        assertThatThrownBy(() -> ArraySubVectors.random(1, 1, 1, 1).centers())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejectsDataOfTheWrongSize() {
        assertThatThrownBy(() -> new ArraySubVectors(2, 3, 4, new float[23])).hasMessageContaining("expected 24");
    }
}
