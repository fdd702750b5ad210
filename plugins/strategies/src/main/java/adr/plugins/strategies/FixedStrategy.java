package adr.plugins.strategies;

import adr.spi.LayerShape;
import adr.spi.config.Config;
import adr.spi.config.ConfigKey;
import adr.spi.reuse.ReuseSetting;
import adr.spi.strategy.AdaptationStrategy;
import adr.spi.strategy.AdaptationStrategyFactory;
import adr.spi.strategy.LayerDecision;
import adr.spi.strategy.TrainingView;
import java.util.List;

/**
 * One {@code {L, H}} for every convolution for the whole run. When {@code L} is larger
 * than a layer's row length {@code K}, the layer uses {@code L = K} (one group).
 */
final class FixedStrategy implements AdaptationStrategy {
    private final int length;
    private final int hashBits;

    FixedStrategy(int length, int hashBits) {
        this.length = length;
        this.hashBits = hashBits;
    }

    @Override
    public LayerDecision decide(LayerShape layer, ReuseSetting current, TrainingView view) {
        ReuseSetting setting = new ReuseSetting(Math.min(length, layer.rowLength()), hashBits);
        return new LayerDecision(setting, "fixed strategy " + setting);
    }

    static final class Factory implements AdaptationStrategyFactory {
        @Override
        public String name() {
            return "fixed";
        }

        @Override
        public String description() {
            return "one {L, H} for every convolution for the whole run";
        }

        @Override
        public List<ConfigKey> configKeys() {
            return List.of(ConfigKey.integer("L", 25, "sub-vector length (25 = one channel of a 5x5 kernel)"),
                    ConfigKey.integer("H", 8, "hash bits: at most 2^H clusters per group"));
        }

        @Override
        public AdaptationStrategy create(Config config) {
            long length = config.integer("L");
            long bits = config.integer("H");
            if (length < 1 || bits < 1 || bits > 30) {
                throw new IllegalArgumentException("L must be >= 1 and H in 1..30, got L=" + length
                        + " H=" + bits);
            }
            return new FixedStrategy((int) length, (int) bits);
        }
    }
}
