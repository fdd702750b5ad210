package adr.spi.reuse;

import adr.spi.LayerShape;
import adr.spi.strategy.TrainingView;

/** Decides where reuse runs at all and what is reused, per layer. */
public interface ReusePolicy {

    /**
     * The scope for one convolution layer at this point of training, given the setting
     * the strategy proposes for it. Called before every step for every convolution the
     * strategy wants to reuse; must be cheap. Return {@link ReuseScope#EXACT} to keep the
     * layer exact.
     */
    ReuseScope scope(LayerShape layer, ReuseSetting proposed, TrainingView view);
}
