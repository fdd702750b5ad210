package adr.plugins.strategies;

import adr.spi.LayerShape;
import adr.spi.reuse.ReuseSetting;
import adr.spi.strategy.AdaptationStrategy;
import adr.spi.strategy.LayerDecision;
import adr.spi.strategy.TrainingView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongToDoubleFunction;

/**
 * Drives a strategy the way the engine does, without training: before every step it
 * asks for each layer's decision with the setting in force and records every change.
 * The loss of step {@code i} comes from a script; the view keeps the last 256 losses.
 */
final class ScriptedRun {
    private final AdaptationStrategy strategy;
    private final List<LayerShape> layers;
    private final LongToDoubleFunction loss;
    private final Map<String, ReuseSetting> current = new HashMap<>();
    private final List<Change> changes = new ArrayList<>();
    private List<Double> accuracies = List.of();
    private Map<String, TrainingView.LayerStats> stats = Map.of();
    private long step;

    /** One recorded change of a layer's setting (null = exact). */
    record Change(long step, String layer, ReuseSetting to, String reason) {
    }

    ScriptedRun(AdaptationStrategy strategy, LongToDoubleFunction loss, LayerShape... layers) {
        this.strategy = strategy;
        this.loss = loss;
        this.layers = List.of(layers);
    }

    ScriptedRun accuracies(Double... values) {
        accuracies = List.of(values);
        return this;
    }

    ScriptedRun stats(Map<String, TrainingView.LayerStats> values) {
        stats = values;
        return this;
    }

    /** Runs the decisions before steps {@code step ..< until}. */
    ScriptedRun until(long until) {
        for (; step < until; step++) {
            List<Double> losses = new ArrayList<>();
            for (long i = Math.max(0, step - 256); i < step; i++) {
                losses.add(loss.applyAsDouble(i));
            }
            var view = new ScriptedView(step, 1, losses, accuracies, stats);
            for (LayerShape layer : layers) {
                LayerDecision decision = strategy.decide(layer, current.get(layer.name()), view);
                if (!Objects.equals(decision.setting(), current.get(layer.name()))) {
                    changes.add(new Change(step, layer.name(), decision.setting(), decision.reason()));
                }
                current.put(layer.name(), decision.setting());
            }
        }
        return this;
    }

    ReuseSetting setting(String layer) {
        return current.get(layer);
    }

    List<Change> changes() {
        return List.copyOf(changes);
    }
}
