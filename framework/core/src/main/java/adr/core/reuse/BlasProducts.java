package adr.core.reuse;

import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The products of {@link SmallProducts} through ND4J's BLAS, for groups large enough
 * that a real matrix multiply pays for copying its operands into native memory: with
 * long sub-vectors (VGG-small conv6 at {@code L=256}, about 730 clusters by 256 by 256
 * per group) the loops ran at a fifth of BLAS's speed. Operands are copied into native
 * buffers that grow but are never reallocated for a smaller product, and the result is
 * computed transposed into a column-major array, which is the row-major product.
 *
 * <p>Not thread-safe: the caller runs one product at a time and BLAS uses the cores.
 */
final class BlasProducts implements MatrixProducts {
    /**
     * Multiply-adds per product from which BLAS is faster than the loops, copies
     * included. Measured per group with this build's ND4J (oneDNN, AVX2) on 2 cores, loops
     * against BLAS: 1.6M (1024 x 25 x 64) either way from run to run, 2.9M (700 x 64 x 64)
     * about 2.5x and 48M (734 x 256 x 256) about 5x in BLAS's favour.
     */
    static final long MIN_MULTIPLY_ADDS = 2_000_000;

    private DataBuffer left;
    private DataBuffer right;
    private DataBuffer result;

    @Override
    public void times(float[] a, int aAt, int rows, int inner, float[] b, int bAt, int cols, float[] out, int outAt) {
        left = copy(left, a, aAt, rows * inner);
        right = copy(right, b, bAt, inner * cols);
        result = sized(result, rows * cols);
        // (a b)^T = b^T a^T, and a row-major matrix is its transpose in column-major order
        Nd4j.gemm(columnMajor(right, cols, inner), columnMajor(left, inner, rows), columnMajor(result, cols, rows),
                false, false, 1.0, 0.0);
        result.asNioFloat().get(out, outAt, rows * cols);
    }

    @Override
    public void transposeTimes(float[] a, int aAt, int rows, int inner, float[] s, int sAt, int cols, float[] out,
            int outAt) {
        left = copy(left, a, aAt, rows * inner);
        right = copy(right, s, sAt, rows * cols);
        result = sized(result, inner * cols);
        // (a^T s)^T = s^T a
        Nd4j.gemm(columnMajor(right, cols, rows), columnMajor(left, inner, rows), columnMajor(result, cols, inner),
                false, true, 1.0, 0.0);
        result.asNioFloat().get(out, outAt, inner * cols);
    }

    /** Frees the native operands now (see {@link NativeBuffer#release}); the next product allocates them again. */
    void release() {
        left = closed(left);
        right = closed(right);
        result = closed(result);
    }

    /** Whether any native operand is held. */
    boolean holds() {
        return left != null || right != null || result != null;
    }

    private static DataBuffer closed(DataBuffer buffer) {
        if (buffer != null && buffer.closeable()) {
            buffer.close();
        }
        return null;
    }

    /** A {@code rows x cols} column-major matrix over the start of {@code buffer}. */
    private static INDArray columnMajor(DataBuffer buffer, int rows, int cols) {
        return Nd4j.create(buffer, new long[] {rows, cols}, new long[] {1, rows}, 0, 'f', DataType.FLOAT);
    }

    private static DataBuffer copy(DataBuffer buffer, float[] values, int from, int length) {
        DataBuffer target = sized(buffer, length);
        target.asNioFloat().put(values, from, length);
        return target;
    }

    private static DataBuffer sized(DataBuffer buffer, int length) {
        return buffer != null && buffer.length() >= length ? buffer
                : Nd4j.createBufferDetached(new float[Math.max(length, 1)]);
    }
}
