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

    /**
     * Whether {@link #scope} may ever return a scope with {@link ReuseScope#clusterCache}.
     * Asked once, before the data is read: cached clusters belong to earlier images, so the
     * engine refuses such a policy when augmentation changes the images every epoch.
     *
     * @since SPI 1.2
     */
    default boolean cachesClusters() {
        return false;
    }
}
