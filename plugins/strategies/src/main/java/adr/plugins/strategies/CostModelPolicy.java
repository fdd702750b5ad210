package adr.plugins.strategies;

import adr.spi.LayerShape;
import adr.spi.config.Config;
import adr.spi.config.ConfigKey;
import adr.spi.reuse.ReusePolicy;
import adr.spi.reuse.ReusePolicyFactory;
import adr.spi.reuse.ReuseScope;
import adr.spi.reuse.ReuseSetting;
import adr.spi.strategy.TrainingView;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reuses a convolution's forward and weight gradient where the cost model predicts a
 * gain. The forward costs {@code r_c + H/M + 1/L} of the exact product (DESIGN.md
 * section 1); before a setting has run on a layer, {@code r_c} is taken as
 * {@code assumed-ratio}; after, the {@code r_c} measured with that setting is used, also
 * on the exact steps that follow: a layer this policy turned off for its measured
 * {@code r_c} stays off while the strategy proposes the same setting, instead of coming
 * back at the assumed ratio every other step. A layer whose predicted fraction is not
 * below {@code max-fraction} stays exact. {@code cache} adds the cluster cache to the
 * reused layers ({@link ClusterCacheOption}). Called from the training thread only.
 */
final class CostModelPolicy implements ReusePolicy {
    private final double assumedRatio;
    private final double maxFraction;
    private final ClusterCacheOption cache;
    /** Per layer, the setting it last reused with and its measured r_c (NaN until measured). */
    private final Map<String, Measured> lastReuse = new HashMap<>();

    private record Measured(ReuseSetting setting, double remainingRatio) {
    }

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
        Measured last = lastReuse.get(layer.name());
        TrainingView.LayerStats stats = view.layer(layer.name());
        if (stats != null && stats.reused()) {
            last = new Measured(last == null ? proposed : last.setting(), stats.remainingRatio());
            lastReuse.put(layer.name(), last);
        }
        if (forwardFraction(ratio(layer, proposed), layer, proposed) >= maxFraction) {
            return ReuseScope.EXACT;
        }
        if (last == null || !last.setting().equals(proposed)) {
            lastReuse.put(layer.name(), new Measured(proposed, Double.NaN));
        }
        return cache.applyTo(ReuseScope.FORWARD_AND_WEIGHTS);
    }

    /** The r_c measured with {@code proposed} on the layer, else the assumed one. */
    private double ratio(LayerShape layer, ReuseSetting proposed) {
        Measured last = lastReuse.get(layer.name());
        return measured(last, proposed) ? last.remainingRatio() : assumedRatio;
    }

    private static boolean measured(Measured last, ReuseSetting proposed) {
        return last != null && last.setting().equals(proposed) && !Double.isNaN(last.remainingRatio());
    }

    /** The cost model's terms and the bound they miss, from what {@link #scope} just recorded. */
    @Override
    public String whyExact(LayerShape layer, ReuseSetting proposed) {
        double ratio = ratio(layer, proposed);
        return String.format(Locale.ROOT, "predicted forward cost %.2f of exact (r_c %.3f %s + H/M %.3f + 1/L %.3f)"
                + " is not below max-fraction %.2f", forwardFraction(ratio, layer, proposed), ratio,
                measured(lastReuse.get(layer.name()), proposed) ? "measured" : "assumed",
                (double) proposed.hashBits() / layer.outChannels(), 1.0 / proposed.subVectorLength(), maxFraction);
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
            if (!(assumed > 0 && assumed <= 1)) {
                throw new IllegalArgumentException("assumed-ratio must be in (0, 1], got " + assumed);
            }
            if (!(max > 0) || Double.isInfinite(max)) {
                throw new IllegalArgumentException("max-fraction must be > 0, got " + max);
            }
            return new CostModelPolicy(assumed, max, ClusterCacheOption.parse(config));
        }
    }
}
