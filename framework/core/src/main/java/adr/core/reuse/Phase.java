package adr.core.reuse;

/** The timed phases of a reuse convolution step. */
public enum Phase {
    /** Unfolding the input into grouped sub-vectors. */
    IM2COL,
    /** The clustering plugin (hashing and grouping). */
    CLUSTER,
    CENTROIDS,
    /** {@code C_g W_g} for every group. */
    PRODUCT,
    RECONSTRUCT,
    /** Per-cluster sums of the output gradient. */
    GRADIENT_SUMS,
    WEIGHT_GRADIENT,
    INPUT_GRADIENT,
    /** Backward parts computed exactly (by the exact kernel). */
    EXACT_BACKWARD;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
