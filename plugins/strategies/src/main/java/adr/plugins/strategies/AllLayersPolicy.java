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

/** Reuses every convolution the strategy proposes, with a configurable scope. */
final class AllLayersPolicy implements ReusePolicy {
    private final ReuseScope scope;

    AllLayersPolicy(ReuseScope scope) {
        this.scope = scope;
    }

    @Override
    public ReuseScope scope(LayerShape layer, ReuseSetting proposed, TrainingView view) {
        return scope;
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
            return List.of(ConfigKey.text("reuse", "forward+weights",
                    "what is reused: forward, forward+weights or all (also the input gradient)"));
        }

        @Override
        public ReusePolicy create(Config config) {
            String reuse = config.text("reuse");
            ReuseScope scope = switch (reuse) {
                case "forward" -> new ReuseScope(true, false, false, false);
                case "forward+weights" -> ReuseScope.FORWARD_AND_WEIGHTS;
                case "all" -> new ReuseScope(true, true, true, false);
                default -> throw new IllegalArgumentException(
                        "all policy: reuse must be forward, forward+weights or all, got '" + reuse + "'");
            };
            return new AllLayersPolicy(scope);
        }
    }
}
