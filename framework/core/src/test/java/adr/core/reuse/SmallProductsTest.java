package adr.core.reuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SmallProductsTest {
    private static final int ROWS = 7;
    private static final int INNER = 5;
    private static final int COLS = 9;
    /** Offsets into larger arrays, as the per-group slices are. */
    private static final int AT = 3;

    @Test
    void timesMatchesTheDefinitionAndOverwritesItsOutput() {
        float[] a = slice(1, ROWS * INNER);
        float[] b = slice(2, INNER * COLS);
        float[] out = slice(3, ROWS * COLS); // stale values must not leak into the result
        SmallProducts.times(a, AT, ROWS, INNER, b, AT, COLS, out, AT);
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLS; c++) {
                double expected = 0;
                for (int j = 0; j < INNER; j++) {
                    expected += a[AT + r * INNER + j] * b[AT + j * COLS + c];
                }
                assertThat(out[AT + r * COLS + c]).isCloseTo((float) expected, within(1e-4f));
            }
        }
    }

    @Test
    void transposeTimesMatchesTheDefinition() {
        float[] a = slice(4, ROWS * INNER);
        float[] s = slice(5, ROWS * COLS);
        float[] out = slice(6, INNER * COLS);
        SmallProducts.transposeTimes(a, AT, ROWS, INNER, s, AT, COLS, out, AT);
        for (int j = 0; j < INNER; j++) {
            for (int c = 0; c < COLS; c++) {
                double expected = 0;
                for (int r = 0; r < ROWS; r++) {
                    expected += a[AT + r * INNER + j] * s[AT + r * COLS + c];
                }
                assertThat(out[AT + j * COLS + c]).isCloseTo((float) expected, within(1e-4f));
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
