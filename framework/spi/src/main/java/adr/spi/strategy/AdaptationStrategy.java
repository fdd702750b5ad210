package adr.spi.strategy;

import adr.spi.LayerShape;
import adr.spi.reuse.ReuseSetting;
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
