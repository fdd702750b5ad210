package adr.core.nn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Flatten is a reshape; its gradient is the reshape back, entry for entry. */
@ExtendWith(SingleThreadedNd4j.class)
class FlattenGradientTest {

    @Test
    void gradientMatchesFiniteDifferences() {
        GradientCheck.assertGradientsMatch(GradientCheck.of(new Flatten("flatten")),
                GradientCheck.gaussian(51, 2, 3, 4, 5), 52);
    }

    @Test
    void keepsRowMajorSampleLayout() {
        Flatten flatten = new Flatten("flatten");
        INDArray x = GradientCheck.gaussian(53, 2, 3, 4, 5);

        INDArray y = flatten.forward(x.dup(), true);

        assertThat(y.shape()).containsExactly(2, 60);
        assertThat(y.getDouble(1, 2 * 20 + 3 * 5 + 4)).isEqualTo(x.getDouble(1, 2, 3, 4));
        assertThat(flatten.outputShape(new long[] {3, 4, 5})).containsExactly(60);
    }
}
