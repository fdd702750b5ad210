package adr.plugins.strategies;

import adr.spi.LayerShape;
import adr.spi.config.Config;
import adr.spi.config.ConfigKey;
import adr.spi.reuse.ReusePolicy;
import adr.spi.reuse.ReusePolicyFactory;
import adr.spi.reuse.ReuseScope;
import adr.spi.reuse.ReuseSetting;
import adr.spi.strategy.TrainingView;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reuses only the convolutions named in {@code layers}, with the scope of {@code reuse}
 * (as the {@code all} policy); every other convolution stays exact. For experiments
 * that measure one layer's reuse in isolation, or keep a sensitive first layer exact.
 * The engine refuses a name that is no convolution of the model ({@link #layersNamed}).
 * {@code cache} adds the cluster cache to the named layers ({@link ClusterCacheOption}).
 */
final class LayersPolicy implements ReusePolicy {
    private final Set<String> layers;
    private final ReuseScope scope;
    private final ClusterCacheOption cache;

    LayersPolicy(Set<String> layers, ReuseScope scope, ClusterCacheOption cache) {
        this.layers = Set.copyOf(layers);
        this.scope = cache.applyTo(scope);
        this.cache = cache;
    }

    @Override
    public ReuseScope scope(LayerShape layer, ReuseSetting proposed, TrainingView view) {
        return layers.contains(layer.name()) ? scope : ReuseScope.EXACT;
    }

    @Override
    public String whyExact(LayerShape layer, ReuseSetting proposed) {
        return "not among layers=" + layers.stream().sorted().collect(Collectors.joining(","));
    }

    @Override
    public Set<String> layersNamed() {
        return layers;
    }

    @Override
    public boolean cachesClusters() {
        return cache.on();
    }

    static final class Factory implements ReusePolicyFactory {
        @Override
        public String name() {
            return "layers";
        }

        @Override
        public String description() {
            return "reuse only the named convolutions (layers: conv2,conv3), the others exact";
        }

        @Override
        public List<ConfigKey> configKeys() {
            return List.of(ConfigKey.text("layers", "", "the convolutions that reuse, comma-separated (required)"),
                    ReuseScopeKey.KEY, ClusterCacheOption.KEY);
        }

        @Override
        public ReusePolicy create(Config config) {
            Set<String> names = Arrays.stream(config.text("layers").split(",")).map(String::strip)
                    .filter(n -> !n.isEmpty()).collect(Collectors.toUnmodifiableSet());
            if (names.isEmpty()) {
                throw new IllegalArgumentException(
                        "layers must name at least one convolution, for example layers=conv2,conv3");
            }
            return new LayersPolicy(names, ReuseScopeKey.parse(config.text(ReuseScopeKey.KEY.name())),
                    ClusterCacheOption.parse(config));
        }
    }
}
