package adr.spi.clustering;

import adr.spi.LayerShape;
import adr.spi.NamedFactory;
import adr.spi.config.Config;
import adr.spi.reuse.ReuseSetting;

/** Creates a clustering algorithm for one layer at one reuse setting. */
public interface ClusteringFactory extends NamedFactory {

    /**
     * @param layer the convolution being reused
     * @param setting its {@code L} and {@code H}
     * @param config values of {@link #configKeys()}, validated
     * @param seed this layer's seed, derived from the run's one seed
     */
    ClusteringAlgorithm create(LayerShape layer, ReuseSetting setting, Config config, long seed);
}
