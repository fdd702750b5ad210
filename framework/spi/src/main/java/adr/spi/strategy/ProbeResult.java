package adr.spi.strategy;

/**
 * What one reuse setting did to one convolution's forward on one real input batch,
 * measured by {@link TrainingView#probe}. The engine computed the layer's output twice
 * on the same input and weights, exactly ({@code Y_exact}) and on cluster centroids
 * ({@code Y_reuse}); both are the convolution's own output, bias included, before any
 * activation.
 *
 * @param relativeError {@code ||Y_reuse - Y_exact|| / ||Y_exact||} (Frobenius norms over
 *     the whole batch); 0 when the two agree, about 1 when reuse lost the signal,
 *     infinite when the exact output is zero or not finite (nothing can be trusted)
 * @param remainingRatio {@code r_c} the clustering reached on that batch, in (0, 1]
 * @param exactSeconds wall time of the exact forward and backward
 * @param reuseSeconds wall time of the reuse forward and backward (unfold, cluster,
 *     centroids, products, reconstruct, then the gradients), reusing in the backward what
 *     the layer reuses now (the forward only while it is exact); with {@code exactSeconds}
 *     a rough, single-sample speed ratio of a training step's share of this layer
 */
public record ProbeResult(double relativeError, double remainingRatio, double exactSeconds, double reuseSeconds) {

    public ProbeResult {
        if (!(relativeError >= 0) || !(remainingRatio > 0 && remainingRatio <= 1) || exactSeconds < 0
                || reuseSeconds < 0) {
            throw new IllegalArgumentException("probe result out of range: error " + relativeError + ", r_c "
                    + remainingRatio + ", seconds " + exactSeconds + "/" + reuseSeconds);
        }
    }
}
