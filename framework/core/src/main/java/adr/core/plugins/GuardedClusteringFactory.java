package adr.core.plugins;

import adr.spi.LayerShape;
import adr.spi.clustering.ClusteringAlgorithm;
import adr.spi.clustering.ClusteringFactory;
import adr.spi.clustering.StableBucketKeys;
import adr.spi.config.Config;
import adr.spi.config.ConfigKey;
import adr.spi.reuse.ReuseSetting;
import java.util.List;

/**
 * The run's clustering factory as the engine uses it: its algorithms' exceptions, and
 * assignments that break the contract (ids not compact, too many clusters), become a
 * {@link PluginFailedException} naming the plugin, the layer and the setting.
 */
public final class GuardedClusteringFactory implements ClusteringFactory {
    private final ClusteringFactory factory;
    private final PluginGuard guard;

    GuardedClusteringFactory(ClusteringFactory factory, PluginGuard guard) {
        this.factory = factory;
        this.guard = guard;
    }

    /** The chosen clustering, guarded. */
    public static ClusteringFactory of(PluginSelection.Selected<ClusteringFactory> selected) {
        return new GuardedClusteringFactory(selected.factory(), PluginGuard.of(selected));
    }

    @Override
    public String name() {
        return factory.name();
    }

    @Override
    public String description() {
        return factory.description();
    }

    @Override
    public List<ConfigKey> configKeys() {
        return factory.configKeys();
    }

    @Override
    public ClusteringAlgorithm create(LayerShape layer, ReuseSetting setting, Config config, long seed) {
        String where = layer.name() + " at " + setting;
        ClusteringAlgorithm algorithm = guard.call("while creating its clustering for " + where,
                () -> factory.create(layer, setting, config, seed));
        if (algorithm == null) {
            throw guard.brokeContract("while creating its clustering for " + where, "it returned null");
        }
        // a subtype keeps what the engine asks of the algorithm's type: stable keys allow the cluster cache
        return algorithm instanceof StableBucketKeys keyed ? new GuardedKeyedClustering(keyed, guard, setting, where)
                : new GuardedClustering(algorithm, guard, setting, where);
    }
}
