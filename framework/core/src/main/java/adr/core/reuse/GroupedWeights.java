package adr.core.reuse;

import adr.core.nn.ConvGeometry;

/**
 * A layer's weights {@code [M, K]} regrouped as {@code [G][L][M]} for the per-group
 * products (zero rows past {@code K}), and a weight gradient in that layout back in the
 * layer's {@code [M, K]} order; both arrays are kept from step to step.
 */
final class GroupedWeights {
    private final int outChannels;
    private final int rowLength;
    /** The last {@link #group} result; rows past K are never written, so they stay zero. */
    private final float[] grouped;
    private final float[] ungrouped;

    GroupedWeights(ConvGeometry geometry, int groups, int length) {
        this.outChannels = geometry.outChannels();
        this.rowLength = geometry.rowLength();
        this.grouped = new float[groups * length * outChannels];
        this.ungrouped = new float[outChannels * rowLength];
    }

    /** {@code weights} ({@code [M, K]}, c order) as {@code [G][L][M]}, into the kept array. */
    float[] group(float[] weights) {
        int m = outChannels;
        int k = rowLength;
        for (int o = 0; o < m; o++) {
            for (int col = 0; col < k; col++) {
                grouped[col * m + o] = weights[o * k + col];
            }
        }
        return grouped;
    }

    /** The last {@link #group} result. */
    float[] grouped() {
        return grouped;
    }

    /** The inverse of {@link #group}: {@code [G][L][M]} back to {@code [M, K]}, into the kept array. */
    float[] ungroup(float[] byGroup) {
        int m = outChannels;
        int k = rowLength;
        for (int o = 0; o < m; o++) {
            for (int col = 0; col < k; col++) {
                ungrouped[o * k + col] = byGroup[col * m + o];
            }
        }
        return ungrouped;
    }
}
