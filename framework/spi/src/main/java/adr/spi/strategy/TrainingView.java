package adr.spi.strategy;

import adr.spi.reuse.ReuseSetting;
import java.util.List;
import java.util.Optional;

/**
 * A read-only view of training so far, for strategies and policies. Values describe
 * completed steps; lists are unmodifiable snapshots or views.
 */
public interface TrainingView {

    /** Steps completed in this run, from 0. */
    long step();

    /** The current epoch, from 1. */
    int epoch();

    long stepsPerEpoch();

    long totalSteps();

    /** The training loss of recent steps, oldest first (at most a few hundred). */
    List<Double> recentLosses();

    /** Test accuracy after each completed epoch that was evaluated. */
    List<Double> testAccuracies();

    /**
     * The last measured statistics of a convolution layer, or null before its first step.
     * An epoch's short last batch does not replace them unless the layer switched between
     * exact and reuse on it: its {@code r_c} and time are not those of a full batch.
     */
    LayerStats layer(String name);

    /**
     * Measures what {@code setting} would do to convolution {@code layer} now, without
     * changing it: the engine runs the layer's forward exactly and with a temporary reuse
     * kernel for {@code setting} (the clustering and seed that setting would get) on the
     * layer's most recent training input batch ({@code batch x C x H x W}, the whole
     * batch) with its current weights, and compares the outputs. The layer's kernel,
     * weights, statistics and the training numerics are left as they were.
     *
     * <p>Cost: two exact and two reuse forward and backward steps of the layer on one batch
     * per call (the second of each is timed, with its buffers allocated, as in training),
     * on the calling thread; the layer's gradients are not touched. Inputs are recorded
     * only for layers that were probed: the first call for a layer starts recording and
     * returns empty, so results come from the layer's next training step on (from then on
     * the engine copies its input batch once per step and keeps that one copy). A layer
     * not probed for a while (the ADR engine: 50 steps) stops recording; the next call
     * starts again and returns empty, like the first.
     *
     * <p>Threading: call only from {@link AdaptationStrategy#decide} or a policy's scope
     * decision, on the training thread between steps.
     *
     * @param layer a convolution's name, as in {@link adr.spi.LayerShape#name()}
     * @return empty before the layer has a recorded input, for a name that is not a
     *     convolution of the model, and from views that cannot measure (this default)
     * @since SPI 1.1
     */
    default Optional<ProbeResult> probe(String layer, ReuseSetting setting) {
        return Optional.empty();
    }

    /**
     * The output error and {@code r_c} of {@code setting} on convolution {@code layer}
     * now, as {@link #probe} measures them, for a fraction of its cost: the engine runs one
     * reuse forward per call, and one exact forward per layer and training step shared by
     * every setting this method measures at that step; no backward, nothing timed. Inputs
     * are recorded as for {@link #probe} (calls of either method count), and the layer, its
     * weights and the training numerics are left as they were.
     *
     * <p>For strategies that compare settings by their error, such as a scan of a ladder,
     * where {@link #probe}'s two forward-and-backward steps per setting would time what is
     * not read. Threading as for {@link #probe}.
     *
     * @param layer a convolution's name, as in {@link adr.spi.LayerShape#name()}
     * @return empty when {@link #probe} would be; this default takes the error and
     *     {@code r_c} of {@link #probe}
     * @since SPI 1.4
     */
    default Optional<OutputError> probeError(String layer, ReuseSetting setting) {
        return probe(layer, setting).map(p -> new OutputError(p.relativeError(), p.remainingRatio()));
    }

    /**
     * Why the run's batch cannot reuse {@code setting} on convolution {@code layer}: a
     * reuse step's largest array (the unfolded rows, the hash projections or the cluster
     * tables) would hold more elements than one Java array may, as it does for small
     * {@code L} at large batch sizes, or its output would not fit one buffer view (2 GB).
     * The engine keeps such a layer exact whatever the strategy says, and {@link #probe}
     * and {@link #probeError} of such a setting come back empty; a strategy that measures
     * candidates leaves such a setting out.
     *
     * @param layer a convolution's name, as in {@link adr.spi.LayerShape#name()}
     * @return the reason, naming the largest batch that would reuse it; empty when the
     *     setting fits, for a name that is not a convolution, and from views that do not
     *     know (this default)
     * @since SPI 1.5
     */
    default Optional<String> reuseRefusal(String layer, ReuseSetting setting) {
        return Optional.empty();
    }

    /**
     * One layer's last training step.
     *
     * @param remainingRatio {@code r_c}; 1 for an exact step
     * @param seconds wall time of the layer's forward and backward, exact or reused
     * @param reused whether the step ran a reuse kernel (since SPI 1.3; before it, an exact
     *     step showed as {@code seconds == 0})
     */
    record LayerStats(double remainingRatio, double seconds, boolean reused) {

        /**
         * The SPI 1.2 form, kept for plugins built against it: a step counts as reused unless
         * it has the 1.2 mark of an exact step, {@code remainingRatio >= 1} and zero seconds.
         */
        public LayerStats(double remainingRatio, double seconds) {
            this(remainingRatio, seconds, !(remainingRatio >= 1 && seconds == 0));
        }
    }
}
