package adr.spi.strategy;

import adr.spi.LayerShape;
import adr.spi.reuse.ReuseSetting;
import java.util.Map;
import java.util.Set;

/**
 * Chooses each layer's reuse setting over training: coarse early, finer later, or
 * none (the adaptive deep reuse finding). The engine records every change with its
 * reason.
 */
public interface AdaptationStrategy {

    /**
     * Called before every step for every convolution of the model; the policy then
     * decides what a proposed setting reuses, or keeps the layer exact.
     *
     * @param current the setting in force, or null if the layer is exact now
     */
    LayerDecision decide(LayerShape layer, ReuseSetting current, TrainingView view);

    /**
     * The run continues from a checkpoint in which {@code layer} ran at {@code saved}
     * (null: exact). Called once per convolution whose setting the checkpoint holds, before
     * the first {@link #decide} of the continued run, so that a strategy keeping state per
     * layer continues from there rather than from its start. The engine does not apply
     * {@code saved} itself: the next {@code decide} chooses what the layer runs. Does
     * nothing by default, which suits strategies whose setting follows from the step.
     *
     * @since SPI 1.6
     */
    default void resume(LayerShape layer, ReuseSetting saved, TrainingView view) {
    }

    /**
     * What this strategy learned about {@code layer} beyond its setting that a run
     * continued from a checkpoint should know too, such as settings it timed too slow.
     * Asked at every checkpoint, from the training thread; the checkpoint keeps the entries
     * as text beside the layer's setting and hands them back to
     * {@link #resume(LayerShape, ReuseSetting, Map, TrainingView)}. Keys and values are the
     * strategy's own; neither may be null. Empty by default: nothing beyond the setting.
     *
     * @since SPI 1.7
     */
    default Map<String, String> state(LayerShape layer) {
        return Map.of();
    }

    /**
     * As {@link #resume(LayerShape, ReuseSetting, TrainingView)}, with the entries
     * {@link #state} gave for the layer when the checkpoint was saved: empty when another
     * strategy saved it, or a version before SPI 1.7. By default the entries are dropped and
     * the three-argument {@code resume} is called.
     *
     * @since SPI 1.7
     */
    default void resume(LayerShape layer, ReuseSetting saved, Map<String, String> state, TrainingView view) {
        resume(layer, saved, view);
    }

    /**
     * The layer names this strategy's configuration refers to, such as per-layer
     * overrides. Asked once, before the data is read: the engine refuses the run, listing
     * the model's convolutions, when a name is not one of them, so a misspelt layer
     * cannot silently fall back to the defaults.
     *
     * @since SPI 1.3
     */
    default Set<String> layersNamed() {
        return Set.of();
    }
}
