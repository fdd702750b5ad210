package adr.core.nn;

import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Finite-difference checks of both convolution kernels: input, weight and bias gradients. */
@ExtendWith(SingleThreadedNd4j.class)
class Conv2dGradientTest {

    static Stream<Arguments> cases() {
        // algorithm, kernel, stride, padding, input size; batch 2, 3 -> 4 channels throughout.
        return Stream.of(ConvAlgorithm.NATIVE, ConvAlgorithm.IM2COL).flatMap(algorithm -> Stream.of(
                Arguments.of(algorithm, 3, 1, 0, 6),
                Arguments.of(algorithm, 3, 1, 1, 6),
                Arguments.of(algorithm, 3, 2, 0, 7),
                Arguments.of(algorithm, 3, 2, 1, 7),
                Arguments.of(algorithm, 5, 2, 2, 6)));
    }

    @ParameterizedTest(name = "{0} k{1} s{2} p{3} {4}x{4}")
    @MethodSource("cases")
    void gradientsMatchFiniteDifferences(ConvAlgorithm algorithm, int kernel, int stride, int padding, int size) {
        ConvGeometry geometry = new ConvGeometry(3, 4, kernel, stride, padding);
        INDArray weights = GradientCheck.gaussian(11, 4, 3, kernel, kernel).muli(0.5);
        INDArray bias = GradientCheck.gaussian(12, 4);
        Conv2d conv = new Conv2d("conv", geometry, algorithm, weights, bias);

        GradientCheck.assertGradientsMatch(GradientCheck.of(conv), GradientCheck.gaussian(13, 2, 3, size, size), 14);
    }
}
