package com.example.adr;

import adr.spi.LayerShape;
import adr.spi.clustering.ClusteringAlgorithm;
import adr.spi.clustering.ClusteringFactory;
import adr.spi.config.Config;
import adr.spi.config.ConfigKey;
import adr.spi.reuse.ReuseSetting;
import java.util.List;

/** Creates a {@link MeanBucketClustering} per layer; declares its one configuration key. */
public final class MeanBucketFactory implements ClusteringFactory {

    @Override
    public String name() {
        return "mean-bucket";
    }

    @Override
    public String description() {
        return "example: buckets sub-vectors by their mean (a tutorial plugin, not a good clustering)";
    }

    @Override
    public List<ConfigKey> configKeys() {
        return List.of(ConfigKey.decimal("width", 0.05, "bucket width for the sub-vector mean"));
    }

    @Override
    public ClusteringAlgorithm create(LayerShape layer, ReuseSetting setting, Config config, long seed) {
        double width = config.decimal("width");
        if (!(width > 0)) {
            throw new IllegalArgumentException("width must be > 0, got " + width);
        }
        return new MeanBucketClustering(setting, (float) width);
    }
}
