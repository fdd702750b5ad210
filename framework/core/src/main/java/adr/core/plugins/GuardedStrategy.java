package adr.core.plugins;

import adr.spi.LayerShape;
import adr.spi.reuse.ReuseSetting;
import adr.spi.strategy.AdaptationStrategy;
import adr.spi.strategy.LayerDecision;
import adr.spi.strategy.TrainingView;
import java.util.Map;
import java.util.Set;

/** The run's strategy as the engine uses it: a failed or missing decision names the plugin. */
public final class GuardedStrategy implements AdaptationStrategy {
    private final AdaptationStrategy strategy;
    private final PluginGuard guard;

    public GuardedStrategy(AdaptationStrategy strategy, PluginGuard guard) {
        this.strategy = strategy;
        this.guard = guard;
    }

    @Override
    public LayerDecision decide(LayerShape layer, ReuseSetting current, TrainingView view) {
        String deciding = "while deciding " + layer.name() + "'s setting";
        LayerDecision decision = guard.call(deciding, () -> strategy.decide(layer, current, view));
        if (decision == null) {
            throw guard.brokeContract(deciding, "it returned null instead of a decision");
        }
        return decision;
    }

    @Override
    public void resume(LayerShape layer, ReuseSetting saved, TrainingView view) {
        guard.run("while resuming " + layer.name() + " at " + (saved == null ? "exact" : saved),
                () -> strategy.resume(layer, saved, view));
    }

    @Override
    public Map<String, String> state(LayerShape layer) {
        String saving = "while saving its state of " + layer.name();
        Map<String, String> state = guard.call(saving, () -> strategy.state(layer));
        if (state == null || state.entrySet().stream().anyMatch(e -> e.getKey() == null || e.getValue() == null)) {
            throw guard.brokeContract(saving, "it returned a null map, key or value");
        }
        return state;
    }

    @Override
    public void resume(LayerShape layer, ReuseSetting saved, Map<String, String> state, TrainingView view) {
        guard.run("while resuming " + layer.name() + " at " + (saved == null ? "exact" : saved),
                () -> strategy.resume(layer, saved, state, view));
    }

    @Override
    public Set<String> layersNamed() {
        return guard.call("while naming its layers", strategy::layersNamed);
    }
}
