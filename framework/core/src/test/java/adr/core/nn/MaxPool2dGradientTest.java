package adr.core.nn;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Max pooling routes each output's gradient to its window's maximum; inputs have no ties. */
@ExtendWith(SingleThreadedNd4j.class)
class MaxPool2dGradientTest {

    @ParameterizedTest(name = "size {0} stride {1} on {2}x{2}")
    @CsvSource({"2, 2, 6", "3, 2, 7", "2, 1, 5"})
    void inputGradientMatchesFiniteDifferences(int size, int stride, int input) {
        MaxPool2d pool = new MaxPool2d("pool", size, stride);

        GradientCheck.assertGradientsMatch(GradientCheck.of(pool),
                GradientCheck.distinct(21, 2, 3, input, input), 22);
    }
}
