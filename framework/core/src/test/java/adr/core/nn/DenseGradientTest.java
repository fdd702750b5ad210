package adr.core.nn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Fully connected layer: input, weight and bias gradients. */
@ExtendWith(SingleThreadedNd4j.class)
class DenseGradientTest {

    @Test
    void gradientsMatchFiniteDifferences() {
        Dense dense = new Dense("fc", GradientCheck.gaussian(41, 6, 4), GradientCheck.gaussian(42, 4));

        GradientCheck.assertGradientsMatch(GradientCheck.of(dense), GradientCheck.gaussian(43, 3, 6), 44);
    }

    @Test
    void singleSampleBatchGradientsMatchFiniteDifferences() {
        Dense dense = new Dense("fc", GradientCheck.gaussian(45, 5, 3), GradientCheck.gaussian(46, 3));

        GradientCheck.assertGradientsMatch(GradientCheck.of(dense), GradientCheck.gaussian(47, 1, 5), 48);
    }
}
