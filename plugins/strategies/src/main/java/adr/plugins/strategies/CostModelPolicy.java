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

/**
 * Reuses a convolution's forward and weight gradient where the cost model predicts a
 * gain. The forward costs {@code r_c + H/M + 1/L} of the exact product (DESIGN.md
 * section 1); before a layer has run, {@code r_c} is taken as {@code assumed-ratio};
 * after, the layer's measured {@code r_c} is used. A layer whose predicted fraction is
 * not below {@code max-fraction} stays exact. {@code cache} adds the cluster cache to the
 * reused layers ({@link ClusterCacheOption}).
 */
final class CostModelPolicy implements ReusePolicy {
    private final double assumedRatio;
    private final double maxFraction;
    private final ClusterCacheOption cache;

    CostModelPolicy(double assumedRatio, double maxFraction, ClusterCacheOption cache) {
        this.assumedRatio = assumedRatio;
        this.maxFraction = maxFraction;
        this.cache = cache;
    }

    /** The forward cost as a fraction of the exact product. */
    static double forwardFraction(double remainingRatio, LayerShape layer, ReuseSetting s) {
        return remainingRatio + (double) s.hashBits() / layer.outChannels() + 1.0 / s.subVectorLength();
    }

    @Override
    public ReuseScope scope(LayerShape layer, ReuseSetting proposed, TrainingView view) {
        TrainingView.LayerStats measured = view.layer(layer.name());
        double ratio = measured == null || !measured.reused() ? assumedRatio : measured.remainingRatio();
        return forwardFraction(ratio, layer, proposed) < maxFraction
                ? cache.applyTo(ReuseScope.FORWARD_AND_WEIGHTS) : ReuseScope.EXACT;
    }

    @Override
    public boolean cachesClusters() {
        return cache.on();
    }

    static final class Factory implements ReusePolicyFactory {
        @Override
        public String name() {
            return "auto";
        }

        @Override
        public String description() {
            return "reuse forward and weight gradient where the cost model predicts a gain";
        }

        @Override
        public List<ConfigKey> configKeys() {
            return List.of(
                    ConfigKey.decimal("assumed-ratio", 0.25, "r_c assumed before a layer's first measurement"),
                    ConfigKey.decimal("max-fraction", 0.8, "reuse only below this predicted fraction of exact cost"),
                    ClusterCacheOption.KEY);
        }

        @Override
        public ReusePolicy create(Config config) {
            double assumed = config.decimal("assumed-ratio");
            double max = config.decimal("max-fraction");
            if (!(assumed > 0 && assumed <= 1) || !(max > 0)) {
                throw new IllegalArgumentException("assumed-ratio must be in (0, 1] and max-fraction > 0");
            }
            return new CostModelPolicy(assumed, max, ClusterCacheOption.parse(config));
        }
    }
}
