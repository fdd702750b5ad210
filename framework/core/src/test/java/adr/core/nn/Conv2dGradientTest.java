package adr.core.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
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

    @ParameterizedTest(name = "{0} first layer")
    @EnumSource(value = ConvAlgorithm.class, names = {"NATIVE", "IM2COL"})
    void aFirstLayerSkipsTheInputGradientButKeepsExactParameterGradients(ConvAlgorithm algorithm) {
        ConvGeometry geometry = new ConvGeometry(1, 4, 5, 1, 2);
        Conv2d conv = new Conv2d("conv", geometry, algorithm, GradientCheck.gaussian(15, 4, 1, 5, 5),
                GradientCheck.gaussian(16, 4), false);
        INDArray x = GradientCheck.gaussian(17, 2, 1, 6, 6);

        assertThat(conv.backward(conv.forward(x.dup(), true).dup())).isNull();
        GradientCheck.assertGradientsMatch(GradientCheck.of(conv), x, 18);
    }
}
