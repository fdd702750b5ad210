package adr.spi;

/**
 * The version of the plugin contract. A plugin reports the version it was compiled
 * against; the engine refuses plugins whose major version differs from its own.
 *
 * <p>{@link #MAJOR} and {@link #MINOR} are compile-time constants, so
 * {@code new SpiVersion(SpiVersion.MAJOR, SpiVersion.MINOR)} in a plugin records the
 * version of the SPI jar the plugin was built with, not the one it runs against.
 */
public record SpiVersion(int major, int minor) {
    public static final int MAJOR = 1;
    /**
     * 1.1 added {@link adr.spi.strategy.TrainingView#probe}; 1.2 added
     * {@link adr.spi.clustering.StableBucketKeys}, {@link adr.spi.reuse.ReuseScope#withClusterCache}
     * and {@link adr.spi.reuse.ReusePolicy#cachesClusters} (the per-image cluster cache); 1.3
     * added {@link adr.spi.strategy.AdaptationStrategy#layersNamed} and
     * {@link adr.spi.reuse.ReusePolicy#layersNamed} (layer names checked against the model), and
     * {@link adr.spi.strategy.TrainingView.LayerStats#reused}, with exact steps timed too; 1.4
     * added {@link adr.spi.strategy.TrainingView#probeError} (a forward-only probe); 1.5 added
     * {@link adr.spi.strategy.TrainingView#reuseRefusal} (a batch too large for a setting's arrays); 1.6
     * added {@link adr.spi.config.Config#isGiven}, {@link adr.spi.reuse.ReusePolicy#whyExact} and
     * {@link adr.spi.strategy.AdaptationStrategy#resume}; 1.7 added
     * {@link adr.spi.strategy.AdaptationStrategy#state} (a strategy's state kept in checkpoints).
     */
    public static final int MINOR = 7;

    /** The version this artifact defines. */
    public static final SpiVersion CURRENT = new SpiVersion(MAJOR, MINOR);

    public boolean compatibleWith(SpiVersion other) {
        return major == other.major;
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
