package adr.plugins.kmeans;

import adr.spi.LayerShape;
import adr.spi.clustering.ClusteringAlgorithm;
import adr.spi.clustering.ClusteringFactory;
import adr.spi.config.Config;
import adr.spi.config.ConfigKey;
import adr.spi.reuse.ReuseSetting;
import java.util.List;
import java.util.Objects;

/**
 * The {@code kmeans} clustering factory: one {@link KMeansClustering} per layer, its
 * options validated here so a bad value fails before training starts.
 */
public final class KMeansFactory implements ClusteringFactory {

    static final String K_MODE = "k-mode";
    static final String TARGET_RATIO = "target-ratio";
    static final String INIT = "init";
    static final String ITERATIONS = "iterations";
    static final String WARM_START = "warm-start";

    private static final List<ConfigKey> KEYS = List.of(
            ConfigKey.text(K_MODE, "ratio",
                    "how k is chosen per group: ratio (target-ratio x rows) or fixed (min(rows, 2^H);"
                            + " costly for large H)"),
            ConfigKey.decimal(TARGET_RATIO, 0.1,
                    "clusters per row in ratio mode, in (0, 1]; never more than min(rows, 2^H)"),
            ConfigKey.text(INIT, "kmeans++", "seeding of the centroids: kmeans++ or random"),
            ConfigKey.integer(ITERATIONS, 3,
                    "Lloyd assignment passes per step, 1.." + KMeansOptions.MAX_ITERATIONS
                            + "; each costs rows x k x L multiply-adds per group"),
            ConfigKey.bool(WARM_START, true,
                    "start from the previous step's centroids of the same group when the shapes match"));

    @Override
    public String name() {
        return "kmeans";
    }

    @Override
    public String description() {
        return "Lloyd k-means per group (k-means++ seeding, warm starts); accurate but costs k x iterations per row";
    }

    @Override
    public List<ConfigKey> configKeys() {
        return KEYS;
    }

    /** @throws IllegalArgumentException naming the bad key and its allowed values */
    @Override
    public ClusteringAlgorithm create(LayerShape layer, ReuseSetting setting, Config config, long seed) {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(config, "config");
        return new KMeansClustering(setting, KMeansOptions.from(config), seed);
    }
}
