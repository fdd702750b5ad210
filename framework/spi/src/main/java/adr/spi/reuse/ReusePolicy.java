package adr.spi.reuse;

import adr.spi.LayerShape;
import adr.spi.strategy.TrainingView;
import java.util.Set;

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
     * Why {@link #scope} keeps {@code layer} exact at {@code proposed}, one clause for the
     * run's record of the change (for example {@code "not among layers=conv2"}); empty when
     * it cannot say. Asked only right after {@code scope} returned a scope without forward
     * reuse for the same layer and setting, so it may read what that call computed.
     *
     * @since SPI 1.6
     */
    default String whyExact(LayerShape layer, ReuseSetting proposed) {
        return "";
    }

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

    /**
     * The layer names this policy's configuration refers to. Asked once, before the data
     * is read: the engine refuses the run, listing the model's convolutions, when a name
     * is not one of them, so a misspelt layer cannot silently stay exact.
     *
     * @since SPI 1.3
     */
    default Set<String> layersNamed() {
        return Set.of();
    }
}
