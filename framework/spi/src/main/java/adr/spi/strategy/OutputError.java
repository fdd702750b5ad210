package adr.spi.strategy;

/**
 * What one reuse setting did to one convolution's forward output on one real input
 * batch, measured by {@link TrainingView#probeError}: as {@link ProbeResult} without the
 * timings, which need the backward too and a warm kernel.
 *
 * @param relativeError {@code ||Y_reuse - Y_exact|| / ||Y_exact||} (Frobenius norms over
 *     the whole batch, bias included, before any activation); 0 when the two agree, about
 *     1 when reuse lost the signal, infinite when the exact output is zero or not finite
 * @param remainingRatio {@code r_c} the clustering reached on that batch, in (0, 1]
 * @since SPI 1.4
 */
public record OutputError(double relativeError, double remainingRatio) {

    public OutputError {
        if (!(relativeError >= 0) || !(remainingRatio > 0 && remainingRatio <= 1)) {
            throw new IllegalArgumentException("output error out of range: error " + relativeError + ", r_c "
                    + remainingRatio);
        }
    }
}
