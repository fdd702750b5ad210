package adr.core.reuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Both implementations of the tables' products against the definitions. */
class MatrixProductsTest {
    private static final int ROWS = 7;
    private static final int INNER = 5;
    private static final int COLS = 9;
    /** Offsets into larger arrays, as the per-group slices are. */
    private static final int AT = 3;

    static Stream<MatrixProducts> products() {
        return Stream.of(SmallProducts.LOOPS, new BlasProducts());
    }

    @ParameterizedTest
    @MethodSource("products")
    void timesMatchesTheDefinitionAndOverwritesItsOutput(MatrixProducts products) {
        assertTimes(products, ROWS, INNER, COLS);
    }

    @ParameterizedTest
    @MethodSource("products")
    void transposeTimesMatchesTheDefinition(MatrixProducts products) {
        assertTransposeTimes(products, ROWS, INNER, COLS);
    }

    /**
     * BLAS keeps its native operands for the next product: a smaller one must read only
     * its own values, and one after a release allocates them again.
     */
    @Test
    void blasProductsStayRightWhenTheyShrinkGrowAndAreReleased() {
        BlasProducts blas = new BlasProducts();
        assertTimes(blas, 11, 6, 13);
        assertTimes(blas, 2, 3, 4);
        assertTransposeTimes(blas, 3, 2, 5);
        assertTransposeTimes(blas, 17, 8, 6);
        blas.release();
        assertTimes(blas, 4, 9, 2);
        blas.release();
        assertTransposeTimes(blas, 5, 3, 7);
    }

    private static void assertTimes(MatrixProducts products, int rows, int inner, int cols) {
        float[] a = slice(1, rows * inner);
        float[] b = slice(2, inner * cols);
        float[] out = slice(3, rows * cols); // stale values must not leak into the result
        products.times(a, AT, rows, inner, b, AT, cols, out, AT);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double expected = 0;
                for (int j = 0; j < inner; j++) {
                    expected += a[AT + r * inner + j] * b[AT + j * cols + c];
                }
                assertThat(out[AT + r * cols + c]).isCloseTo((float) expected, within(1e-4f));
            }
        }
    }

    private static void assertTransposeTimes(MatrixProducts products, int rows, int inner, int cols) {
        float[] a = slice(4, rows * inner);
        float[] s = slice(5, rows * cols);
        float[] out = slice(6, inner * cols);
        products.transposeTimes(a, AT, rows, inner, s, AT, cols, out, AT);
        for (int j = 0; j < inner; j++) {
            for (int c = 0; c < cols; c++) {
                double expected = 0;
                for (int r = 0; r < rows; r++) {
                    expected += a[AT + r * inner + j] * s[AT + r * cols + c];
                }
                assertThat(out[AT + j * cols + c]).isCloseTo((float) expected, within(1e-4f));
            }
        }
    }

    /** {@code size} seeded values after {@code AT} leading ones, with a zero to exercise the skip. */
    private static float[] slice(long seed, int size) {
        double[] values = TestArrays.gaussian(seed, AT + size + 2);
        float[] out = new float[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) values[i];
        }
        out[AT + 1] = 0f;
        return out;
    }
}
