package adr.spi.clustering;

import java.nio.FloatBuffer;

/**
 * The sub-vectors of one layer for one training step, read-only: {@code groups()}
 * groups, each holding {@code rows()} sub-vectors of {@code length()} floats. Row
 * {@code r} of group {@code g} is the columns {@code g*L .. g*L+L-1} of unfolded row
 * {@code r} (zero-padded past the row's end when {@code L} does not divide it).
 *
 * <p>Rows are ordered by image, then output pixel, so the same image's rows are
 * adjacent. Valid only during the {@link ClusteringAlgorithm#cluster} call it is
 * passed to.
 */
public interface SubVectors {

    int groups();

    int rows();

    /** {@code L}. */
    int length();

    /**
     * Group {@code g} as a read-only buffer of {@code rows() * length()} floats, row-major,
     * positioned at 0; absolute {@code get(r * length() + j)} is the fast way to read it.
     */
    FloatBuffer group(int g);

    /**
     * Projects every sub-vector of every group onto {@code count} directions with one
     * batched native matrix product, the fast path for hashing: {@code directions} is
     * {@code length() x count}, row-major; the result holds {@code groups() * rows() * count}
     * floats, {@code [g][r][h]} row-major, read-only, positioned at 0. Valid until the
     * next call.
     */
    FloatBuffer project(float[] directions, int count);
}
