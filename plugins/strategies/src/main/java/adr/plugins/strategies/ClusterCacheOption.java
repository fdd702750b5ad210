package adr.plugins.strategies;

import adr.spi.config.Config;
import adr.spi.config.ConfigKey;
import adr.spi.reuse.ReuseScope;

/**
 * The {@code cache} key the shipped policies share: whether a reused layer may take each
 * image's clusters from an earlier epoch instead of re-clustering
 * ({@link ReuseScope#clusterCache}). {@code none} (default) re-clusters every step;
 * {@code first-layer} caches where an image's input repeats exactly, which is the first
 * convolution (its input is the image) without augmentation. The policy marks every layer
 * it reuses and the engine caches the one that reads the images; it does so only with a
 * clustering that has stable bucket keys (LSH {@code variant=sign}) and refuses the cache
 * with augmentation. (A {@code drift} mode for later layers was measured and dropped: see
 * the engine's {@code ClusterCache}.)
 *
 * @param on whether reused layers get the cache
 */
record ClusterCacheOption(boolean on) {
    static final ConfigKey KEY = ConfigKey.text("cache", "none",
            "reuse each image's clusters across epochs: none or first-layer (the first convolution, whose input "
                    + "repeats exactly); needs lsh variant=sign and no augmentation");

    /**
     * The option a policy's configuration gives.
     *
     * @throws IllegalArgumentException naming the key and the accepted values (the engine
     *     names the policy before the message)
     */
    static ClusterCacheOption parse(Config config) {
        String mode = config.text(KEY.name());
        return switch (mode) {
            case "none" -> new ClusterCacheOption(false);
            case "first-layer" -> new ClusterCacheOption(true);
            default -> throw new IllegalArgumentException("cache must be none or first-layer, got '"
                    + mode + "'");
        };
    }

    /** {@code scope} with the cache when on (an exact scope stays exact). */
    ReuseScope applyTo(ReuseScope scope) {
        return on ? scope.withClusterCache() : scope;
    }
}
