package adr.plugins.strategies;

import adr.spi.LayerShape;
import adr.spi.config.Config;
import adr.spi.config.ConfigKey;
import adr.spi.reuse.ReusePolicy;
import adr.spi.reuse.ReusePolicyFactory;
import adr.spi.reuse.ReuseScope;
import adr.spi.reuse.ReuseSetting;
import adr.spi.strategy.TrainingView;
import java.util.List;

/** Reuses every convolution the strategy proposes, with a configurable scope and cluster cache. */
final class AllLayersPolicy implements ReusePolicy {
    private final ReuseScope scope;
    private final ClusterCacheOption cache;

    AllLayersPolicy(ReuseScope scope, ClusterCacheOption cache) {
        this.scope = cache.applyTo(scope);
        this.cache = cache;
    }

    @Override
    public ReuseScope scope(LayerShape layer, ReuseSetting proposed, TrainingView view) {
        return scope;
    }

    @Override
    public boolean cachesClusters() {
        return cache.on();
    }

    static final class Factory implements ReusePolicyFactory {
        @Override
        public String name() {
            return "all";
        }

        @Override
        public String description() {
            return "reuse every convolution; reuse: forward, forward+weights (default) or all";
        }

        @Override
        public List<ConfigKey> configKeys() {
            return List.of(ReuseScopeKey.KEY, ClusterCacheOption.KEY);
        }

        @Override
        public ReusePolicy create(Config config) {
            ReuseScope scope = ReuseScopeKey.parse(config.text(ReuseScopeKey.KEY.name()));
            return new AllLayersPolicy(scope, ClusterCacheOption.parse(config));
        }
    }
}
