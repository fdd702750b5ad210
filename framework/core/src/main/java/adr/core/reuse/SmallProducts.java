package adr.core.reuse;

import java.util.Arrays;

/**
 * The per-group products of a reuse step on plain arrays. Each is a few million
 * multiply-adds spread over hundreds of tiny matrices ({@code count x L} by
 * {@code L x M}); libnd4j's batched matmul op measured 115 ms for CifarNet conv2's
 * products at {@code L=5, H=8} (320 groups) and 2.1 s at {@code H=12}, far from its
 * arithmetic, while these loops run in a few milliseconds: the innermost loops are
 * contiguous multiply-adds that the JIT vectorises, and only a group's used clusters are
 * multiplied, not the padding up to the largest group's count.
 *
 * <p>Stateless, so one instance serves every thread. Large products go to
 * {@link BlasProducts}.
 */
enum SmallProducts implements MatrixProducts {
    LOOPS;

    @Override
    public void times(float[] a, int aAt, int rows, int inner, float[] b, int bAt, int cols, float[] out, int outAt) {
        for (int r = 0; r < rows; r++) {
            int to = outAt + r * cols;
            Arrays.fill(out, to, to + cols, 0f);
            for (int j = 0; j < inner; j++) {
                float x = a[aAt + r * inner + j];
                if (x == 0f) {
                    continue;
                }
                for (int o = 0, from = bAt + j * cols; o < cols; o++) {
                    out[to + o] += x * b[from + o];
                }
            }
        }
    }

    @Override
    public void transposeTimes(float[] a, int aAt, int rows, int inner, float[] s, int sAt, int cols, float[] out,
            int outAt) {
        Arrays.fill(out, outAt, outAt + inner * cols, 0f);
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < inner; j++) {
                float x = a[aAt + r * inner + j];
                if (x == 0f) {
                    continue;
                }
                for (int o = 0, to = outAt + j * cols, from = sAt + r * cols; o < cols; o++) {
                    out[to + o] += x * s[from + o];
                }
            }
        }
    }
}
