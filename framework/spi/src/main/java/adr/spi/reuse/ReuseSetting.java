package adr.spi.reuse;

/**
 * How finely one layer reuses: rows are split into sub-vectors of length {@code L}
 * and each group's sub-vectors are clustered into at most {@code min(N, 2^H)}
 * clusters. Larger {@code L} and smaller {@code H} mean coarser reuse: fewer
 * clusters, less computation, more approximation.
 *
 * @param subVectorLength {@code L}, at least 1; a value that does not divide the row
 *     length {@code K} makes the engine zero-pad the last group (and report it)
 * @param hashBits {@code H}, the granularity, 1 to 30: LSH uses H hash functions,
 *     k-means uses at most {@code 2^H} centroids
 */
public record ReuseSetting(int subVectorLength, int hashBits) {

    public ReuseSetting {
        if (subVectorLength < 1) {
            throw new IllegalArgumentException("sub-vector length L must be at least 1, got " + subVectorLength);
        }
        if (hashBits < 1 || hashBits > 30) {
            throw new IllegalArgumentException("hash bits H must be in 1..30, got " + hashBits);
        }
    }

    /** The number of groups {@code G = ceil(K / L)} for rows of length {@code rowLength}. */
    public int groups(int rowLength) {
        return (rowLength + subVectorLength - 1) / subVectorLength;
    }

    /** The most clusters one group can have for {@code rows} rows. */
    public int maxClusters(int rows) {
        return (int) Math.min(rows, 1L << hashBits);
    }

    @Override
    public String toString() {
        return "{L=" + subVectorLength + ", H=" + hashBits + "}";
    }
}
