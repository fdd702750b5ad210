package adr.core.nn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.ndarray.INDArray;

/** ReLU is checked away from its kink; GradientCheck passes copies because forward works in place. */
@ExtendWith(SingleThreadedNd4j.class)
class ReluGradientTest {

    @Test
    void imageGradientMatchesFiniteDifferences() {
        GradientCheck.assertGradientsMatch(GradientCheck.of(new Relu("relu")),
                GradientCheck.awayFromZero(31, 2, 3, 4, 4), 32);
    }

    @Test
    void featureGradientMatchesFiniteDifferences() {
        GradientCheck.assertGradientsMatch(GradientCheck.of(new Relu("relu")),
                GradientCheck.awayFromZero(33, 2, 7), 34);
    }

    @Test
    void gradientIsZeroExactlyWhereTheInputWasNegative() {
        Relu relu = new Relu("relu");
        INDArray x = GradientCheck.awayFromZero(35, 3, 5);
        relu.forward(x.dup(), true);
        INDArray r = GradientCheck.gaussian(36, 3, 5);

        INDArray grad = relu.backward(r);

        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 5; j++) {
                double expected = x.getDouble(i, j) > 0 ? r.getDouble(i, j) : 0.0;
                assertThat(grad.getDouble(i, j)).as("[%d, %d]", i, j).isEqualTo(expected);
            }
        }
    }
}
