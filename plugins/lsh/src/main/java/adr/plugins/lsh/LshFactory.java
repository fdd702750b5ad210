package adr.plugins.lsh;

import adr.spi.LayerShape;
import adr.spi.clustering.ClusteringAlgorithm;
import adr.spi.clustering.ClusteringFactory;
import adr.spi.config.Config;
import adr.spi.config.ConfigKey;
import adr.spi.reuse.ReuseSetting;
import java.util.List;
import java.util.Objects;

/** The {@code lsh} clustering factory: one {@link LshClustering} per layer (sign: with stable bucket keys). */
final class LshFactory implements ClusteringFactory {

    @Override
    public String name() {
        return "lsh";
    }

    @Override
    public String description() {
        return "locality-sensitive hashing of H random projections (sign or quantized); one pass per group";
    }

    @Override
    public List<ConfigKey> configKeys() {
        return LshOptions.KEYS;
    }

    /** @throws IllegalArgumentException naming the bad key */
    @Override
    public ClusteringAlgorithm create(LayerShape layer, ReuseSetting setting, Config config, long seed) {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(setting, "setting");
        LshOptions options = LshOptions.from(Objects.requireNonNull(config, "config"));
        LshClustering lsh = new LshClustering(setting, options, seed);
        // only sign codes are stable across batches (see SignLshClustering)
        return options.variant() == LshOptions.Variant.SIGN ? new SignLshClustering(lsh) : lsh;
    }
}
