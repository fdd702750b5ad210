package adr.spi.reuse;

/**
 * What one layer reuses. With {@code forward} false the layer is exact.
 *
 * @param forward compute the forward product on cluster centroids
 * @param weightGradient compute the weight gradient from per-cluster gradient sums
 *     (the exact gradient of the reuse forward); otherwise from every row
 * @param inputGradient compute the input gradient per cluster and share it among the
 *     members; otherwise exactly
 * @param clusterCache reuse each image's earlier cluster keys instead of re-clustering
 *     while the image's input to the layer is unchanged, which holds for the first
 *     convolution (its input is the image) without augmentation; the engine caches only
 *     there. Effective only with a clustering that has
 *     {@link adr.spi.clustering.StableBucketKeys}; the engine re-clusters otherwise. Wrong
 *     when the images change between epochs (augmentation), which the engine refuses up
 *     front. (Before SPI 1.2: reuse the previous step's assignments, which handed one
 *     batch's clusters to another batch's images.)
 */
public record ReuseScope(boolean forward, boolean weightGradient, boolean inputGradient, boolean clusterCache) {

    /** No reuse: the exact convolution. */
    public static final ReuseScope EXACT = new ReuseScope(false, false, false, false);

    /** Forward and weight gradient on clusters, exact input gradient. */
    public static final ReuseScope FORWARD_AND_WEIGHTS = new ReuseScope(true, true, false, false);

    /**
     * The scope a name stands for: {@code forward}, {@code forward+weights} or {@code all}
     * (also the input gradient), as policies and benchmarks spell them.
     *
     * @throws IllegalArgumentException for any other name, listing the three
     */
    public static ReuseScope named(String name) {
        return switch (name) {
            case "forward" -> new ReuseScope(true, false, false, false);
            case "forward+weights" -> FORWARD_AND_WEIGHTS;
            case "all" -> new ReuseScope(true, true, true, false);
            default -> throw new IllegalArgumentException(
                    "must be forward, forward+weights or all, got '" + name + "'");
        };
    }

    public ReuseScope {
        if (!forward && (weightGradient || inputGradient || clusterCache)) {
            throw new IllegalArgumentException("gradient or cluster reuse needs forward reuse");
        }
    }

    /**
     * This scope with the cluster cache on; an exact scope stays exact (there are no
     * clusters to cache).
     *
     * @since SPI 1.2
     */
    public ReuseScope withClusterCache() {
        return forward ? new ReuseScope(true, weightGradient, inputGradient, true) : this;
    }
}
