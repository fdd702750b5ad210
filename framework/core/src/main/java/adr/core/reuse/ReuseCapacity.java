package adr.core.reuse;

import adr.spi.LayerShape;
import adr.spi.reuse.ReuseSetting;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether one reuse step of a layer fits in Java arrays. The step's largest arrays are
 * the unfolded rows ({@code G x N x L} floats, {@code G = ceil(K / L)} groups), the hash
 * projections ({@code G x N x H}, through {@link adr.spi.clustering.SubVectors#project})
 * and the per-cluster tables ({@code G x min(N, 2^H) x max(L, M)}), where {@code N} is
 * the batch's output pixels; each is one array, indexed by int. CifarNet's conv2 at
 * {@code L=5, H=10} and batch 4096 needs 2.6 billion projections: the step failed with a
 * bare {@code BufferOverflowException}. A batch past the capacity does not reuse: the
 * controller keeps the layer exact at that batch size and says why, and {@code ./adr bench
 * conv} refuses the batch size.
 *
 * @param maxElements the most elements one array may have
 */
public record ReuseCapacity(long maxElements) {
    /** What the JVM allocates at most in one array. */
    public static final ReuseCapacity JAVA_ARRAYS = new ReuseCapacity(Integer.MAX_VALUE - 8);

    /** The elements of the step's largest array for {@code batch} images. */
    static long largestArray(LayerShape layer, ReuseSetting setting, long pixelsPerImage, long batch) {
        long length = setting.subVectorLength();
        long groups = (layer.rowLength() + length - 1) / length;
        long rows = batch * pixelsPerImage;
        long clusters = Math.min(rows, 1L << setting.hashBits());
        long widest = Math.max(length, Math.max(setting.hashBits(), layer.outChannels()));
        return Math.max(groups * rows * Math.max(length, setting.hashBits()), groups * clusters * widest);
    }

    /** Why {@code batch} images cannot reuse {@code setting} on {@code layer}; empty when they can. */
    public Optional<String> refusal(LayerShape layer, ReuseSetting setting, long pixelsPerImage, int batch) {
        long largest = largestArray(layer, setting, pixelsPerImage, batch);
        if (largest <= maxElements) {
            return Optional.empty();
        }
        int fits = largestBatch(layer, setting, pixelsPerImage, batch);
        return Optional.of(String.format(Locale.ROOT, "batch %d too large to reuse L=%d H=%d: its largest array"
                + " would hold %,d elements, more than one array may (%,d); %s", batch, setting.subVectorLength(),
                setting.hashBits(), largest, maxElements, fits == 0 ? "no batch size reuses this setting"
                        : "batches of up to " + fits + (fits == 1 ? " image reuse" : " images reuse") + " it"));
    }

    /** The largest batch below {@code batch} that fits, 0 when none does. */
    private int largestBatch(LayerShape layer, ReuseSetting setting, long pixelsPerImage, int batch) {
        int low = 0;
        int high = batch - 1;
        while (low < high) {
            int mid = low + (high - low + 1) / 2;
            if (largestArray(layer, setting, pixelsPerImage, mid) <= maxElements) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }
}
