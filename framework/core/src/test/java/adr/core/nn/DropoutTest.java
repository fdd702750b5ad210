package adr.core.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Dropout draws a new mask on every training forward, so finite differences across two
 * forwards would see two masks; instead the mask is read back from one forward
 * ({@code y / x}, inputs away from zero) and backward must apply exactly that mask.
 */
class DropoutTest {
    private static final double RATE = 0.3;
    private static final double SCALE = 1.0 / (1.0 - RATE);

    @Test
    void backwardAppliesTheForwardMask() {
        Dropout dropout = new Dropout("drop", RATE, new SplittableRandom(61));
        INDArray x = GradientCheck.awayFromZero(62, 4, 50);
        INDArray mask = dropout.forward(x.dup(), true).div(x);
        INDArray r = GradientCheck.gaussian(63, 4, 50);

        INDArray grad = dropout.backward(r.dup());

        assertThat(grad.shape()).containsExactly(4, 50);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 50; j++) {
                double m = mask.getDouble(i, j);
                assertThat(m).as("mask[%d, %d]", i, j).satisfiesAnyOf(
                        v -> assertThat(v).isEqualTo(0.0),
                        v -> assertThat(v).isCloseTo(SCALE, offset(1e-12)));
                assertThat(grad.getDouble(i, j)).as("grad[%d, %d]", i, j)
                        .isCloseTo(r.getDouble(i, j) * m, offset(1e-12));
            }
        }
    }

    @Test
    void keepsAboutOneMinusRateOfUnits() {
        Dropout dropout = new Dropout("drop", RATE, new SplittableRandom(64));
        INDArray y = dropout.forward(GradientCheck.awayFromZero(65, 100, 100), true);

        double kept = y.neq(0.0).castTo(DataType.DOUBLE).meanNumber().doubleValue();

        assertThat(kept).isCloseTo(1 - RATE, offset(0.02));
    }

    @Test
    void sameSeedGivesSameMask() {
        INDArray x = GradientCheck.awayFromZero(66, 8, 16);

        INDArray first = new Dropout("drop", RATE, new SplittableRandom(67)).forward(x.dup(), true);
        INDArray second = new Dropout("drop", RATE, new SplittableRandom(67)).forward(x.dup(), true);

        assertThat(GradientCheck.values(second)).containsExactly(GradientCheck.values(first));
    }

    @Test
    void evaluationIsTheIdentityBothWays() {
        Dropout dropout = new Dropout("drop", RATE, new SplittableRandom(68));
        INDArray x = GradientCheck.gaussian(69, 3, 7);
        INDArray r = GradientCheck.gaussian(70, 3, 7);

        assertThat(GradientCheck.values(dropout.forward(x.dup(), false))).containsExactly(GradientCheck.values(x));
        assertThat(GradientCheck.values(dropout.backward(r.dup()))).containsExactly(GradientCheck.values(r));
    }
}
