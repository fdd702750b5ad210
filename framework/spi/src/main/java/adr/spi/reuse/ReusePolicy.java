package adr.spi.reuse;

import adr.spi.LayerShape;
import adr.spi.strategy.TrainingView;

/** Decides where reuse runs at all and what is reused, per layer. */
public interface ReusePolicy {

    /**
     * The scope for one convolution layer at this point of training. Called before
     * every step for every convolution; must be cheap.
     */
    ReuseScope scope(LayerShape layer, TrainingView view);
}
