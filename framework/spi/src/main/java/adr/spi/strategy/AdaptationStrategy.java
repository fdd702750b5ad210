package adr.spi.strategy;

import adr.spi.LayerShape;
import adr.spi.reuse.ReuseSetting;

/**
 * Chooses each layer's reuse setting over training: coarse early, finer later, or
 * none (the adaptive deep reuse finding). The engine records every change with its
 * reason.
 */
public interface AdaptationStrategy {

    /**
     * Called before every step for every convolution the policy lets reuse.
     *
     * @param current the setting in force, or null if the layer is exact now
     */
    LayerDecision decide(LayerShape layer, ReuseSetting current, TrainingView view);
}
