package adr.spi.clustering;

/**
 * An optional capability of a {@link ClusteringAlgorithm} whose clusters are the buckets
 * of a key that belongs to each sub-vector alone, such as the sign bits of random-hyperplane
 * LSH. Keys computed in different calls, for different batches, can then be compared, so
 * the engine may cache every image's keys and skip the clustering when the same images
 * come back (a {@link adr.spi.reuse.ReuseScope#clusterCache} policy). Algorithms without
 * it are simply re-run every step.
 *
 * <p>Contract, for one instance:
 * <ul>
 *   <li>{@code keys[g][r]} depends only on sub-vector {@code r} of group {@code g} and
 *       the instance's fixed state (for example projections drawn from its seed): not on
 *       the other rows, the batch or earlier calls. (A projection within float rounding of
 *       a bucket boundary may land on either side when its row sits elsewhere in a batched
 *       product; that is the only tolerance.)</li>
 *   <li>{@link #cluster} puts two rows of a group in one cluster exactly when their keys
 *       are equal, and numbers the clusters in the order their keys first appear; the engine
 *       compacts cached keys the same way, so the ids are the ones {@code cluster} would
 *       give.</li>
 *   <li>Keys take at most {@code 2^H} distinct values per group, so any batch of cached
 *       keys respects {@link adr.spi.reuse.ReuseSetting#maxClusters}.</li>
 * </ul>
 * An algorithm whose key depends on the batch (a width fitted to the batch, warm-started
 * centroids) must not implement this.
 *
 * @since SPI 1.2
 */
public interface StableBucketKeys extends ClusteringAlgorithm {

    /**
     * Writes the bucket key of every row of every group of {@code input} into
     * {@code keys[g][r]}, {@code r < input.rows()}; {@code keys} is at least
     * {@code groups() x rows()} and every entry read is overwritten.
     */
    void bucketKeys(SubVectors input, int[][] keys);
}
