package adr.core.reuse;

/**
 * The two matrix products of a reuse step's tables, on row-major matrices given as a
 * larger array and the offset where the matrix starts. Both overwrite their output.
 */
interface MatrixProducts {

    /** {@code out[rows x cols] = a[rows x inner] b[inner x cols]}. */
    void times(float[] a, int aAt, int rows, int inner, float[] b, int bAt, int cols, float[] out, int outAt);

    /** {@code out[inner x cols] = a[rows x inner]^T s[rows x cols]}. */
    void transposeTimes(float[] a, int aAt, int rows, int inner, float[] s, int sAt, int cols, float[] out,
            int outAt);
}
