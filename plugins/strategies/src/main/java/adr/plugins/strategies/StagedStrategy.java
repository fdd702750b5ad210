package adr.plugins.strategies;

import adr.spi.LayerShape;
import adr.spi.config.Config;
import adr.spi.config.ConfigKey;
import adr.spi.reuse.ReuseSetting;
import adr.spi.strategy.AdaptationStrategy;
import adr.spi.strategy.AdaptationStrategyFactory;
import adr.spi.strategy.LayerDecision;
import adr.spi.strategy.TrainingView;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Coarse to fine (the adaptive deep reuse finding that early training tolerates coarse
 * reuse and later training needs finer or none): a list of levels, each a setting
 * {@code L:H} or {@code exact}, switched at fractions of the run's steps, for example
 * {@code 25:4@0,25:8@0.4,exact@0.8}. {@code per-layer} overrides the list for named
 * layers: {@code conv1=25:6@0,exact@0.5;conv2=...} (the engine refuses a name that is no
 * convolution of the model). A level's {@code L} larger than a
 * layer's row length is capped at it.
 */
final class StagedStrategy implements AdaptationStrategy {
    private final List<StageLevel> levels;
    private final Map<String, List<StageLevel>> perLayer;

    StagedStrategy(List<StageLevel> levels, Map<String, List<StageLevel>> perLayer) {
        this.levels = levels;
        this.perLayer = Map.copyOf(perLayer);
    }

    @Override
    public Set<String> layersNamed() {
        return perLayer.keySet();
    }

    @Override
    public LayerDecision decide(LayerShape layer, ReuseSetting current, TrainingView view) {
        List<StageLevel> schedule = perLayer.getOrDefault(layer.name(), levels);
        double progress = (double) view.step() / Math.max(1, view.totalSteps());
        int index = 0;
        for (int i = 0; i < schedule.size(); i++) {
            if (schedule.get(i).from() <= progress) {
                index = i;
            }
        }
        StageLevel level = schedule.get(index);
        String reason = String.format(Locale.ROOT, "staged: level %d of %d from %.0f%% of training", index + 1,
                schedule.size(), level.from() * 100);
        if (level.setting() == null) {
            return LayerDecision.exact(reason);
        }
        ReuseSetting s = level.setting();
        return new LayerDecision(new ReuseSetting(Math.min(s.subVectorLength(), layer.rowLength()), s.hashBits()),
                reason);
    }

    static final class Factory implements AdaptationStrategyFactory {
        @Override
        public String name() {
            return "staged";
        }

        @Override
        public String description() {
            return "coarse to fine: {L, H} levels switched at fractions of training, ending fine or exact";
        }

        @Override
        public List<ConfigKey> configKeys() {
            return List.of(
                    ConfigKey.text("levels", "25:4@0,25:8@0.4,exact@0.8",
                            "levels L:H or exact, each @ the fraction of training it starts at"),
                    ConfigKey.text("per-layer", "",
                            "overrides per layer: name=levels;name=levels, e.g. conv2=25:4@0,exact@0.5;conv1=exact@0"));
        }

        @Override
        public AdaptationStrategy create(Config config) {
            Map<String, List<StageLevel>> perLayer = new HashMap<>();
            String overrides = config.text("per-layer").strip();
            if (!overrides.isEmpty()) {
                for (String entry : overrides.split(";")) {
                    int eq = entry.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("per-layer: expected name=levels, got '" + entry + "'");
                    }
                    perLayer.put(entry.substring(0, eq).strip(), StageLevel.parseList(entry.substring(eq + 1)));
                }
            }
            return new StagedStrategy(StageLevel.parseList(config.text("levels")), perLayer);
        }
    }
}
