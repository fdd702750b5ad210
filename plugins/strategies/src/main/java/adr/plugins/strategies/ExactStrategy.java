package adr.plugins.strategies;

import adr.spi.LayerShape;
import adr.spi.config.Config;
import adr.spi.reuse.ReuseSetting;
import adr.spi.strategy.AdaptationStrategy;
import adr.spi.strategy.AdaptationStrategyFactory;
import adr.spi.strategy.LayerDecision;
import adr.spi.strategy.TrainingView;

/** No reuse anywhere: the baseline every speed-up is measured against. */
final class ExactStrategy implements AdaptationStrategy {
    private static final LayerDecision EXACT = LayerDecision.exact("exact strategy");

    @Override
    public LayerDecision decide(LayerShape layer, ReuseSetting current, TrainingView view) {
        return EXACT;
    }

    static final class Factory implements AdaptationStrategyFactory {
        @Override
        public String name() {
            return "exact";
        }

        @Override
        public String description() {
            return "no reuse: every convolution exact (the baseline)";
        }

        @Override
        public AdaptationStrategy create(Config config) {
            return new ExactStrategy();
        }
    }
}
