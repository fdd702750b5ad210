package adr.plugins.strategies;

import adr.spi.strategy.TrainingView;
import java.util.List;
import java.util.Map;

/** A training view with scripted values, for decision tests without training. */
record ScriptedView(long step, int epoch, List<Double> recentLosses, List<Double> testAccuracies,
        Map<String, LayerStats> layers) implements TrainingView {

    static ScriptedView start() {
        return new ScriptedView(0, 1, List.of(), List.of(), Map.of());
    }

    @Override
    public long stepsPerEpoch() {
        return 100;
    }

    @Override
    public long totalSteps() {
        return 300;
    }

    @Override
    public LayerStats layer(String name) {
        return layers.get(name);
    }
}
