package adr.plugins.kmeans;

import adr.spi.LayerShape;
import adr.spi.clustering.ClusteringAlgorithm;
import adr.spi.config.Config;
import adr.spi.reuse.ReuseSetting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test helpers: a resolved k-means configuration and algorithms built through the factory. */
final class Configs {

    private Configs() {
    }

    /** The factory's keys resolved against {@code given}; fails on a resolution error. */
    static Config config(Map<String, ?> given) {
        List<String> errors = new ArrayList<>();
        Config config = Config.resolve("clustering kmeans", new KMeansFactory().configKeys(), given, errors);
        if (!errors.isEmpty()) {
            throw new IllegalStateException(String.join("; ", errors));
        }
        return config;
    }

    /** A k-means algorithm for {@code groups} groups at {@code setting}, built by the factory. */
    static KMeansClustering kmeans(int groups, ReuseSetting setting, Map<String, ?> given, long seed) {
        LayerShape layer = new LayerShape("conv", groups * setting.subVectorLength(), 64, 1, 1, 0);
        ClusteringAlgorithm algorithm = new KMeansFactory().create(layer, setting, config(given), seed);
        return (KMeansClustering) algorithm;
    }
}
