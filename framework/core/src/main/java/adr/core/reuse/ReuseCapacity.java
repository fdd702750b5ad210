package adr.core.reuse;

import adr.spi.LayerShape;
import adr.spi.reuse.ReuseSetting;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether one reuse step of a layer fits in Java arrays and buffer views. The step's
 * largest arrays are the unfolded rows ({@code G x N x L} floats, {@code G = ceil(K / L)}
 * groups), the hash projections ({@code G x N x H}, through
 * {@link adr.spi.clustering.SubVectors#project}) and the per-cluster tables
 * ({@code G x min(N, 2^H) x max(L, M)}), where {@code N} is the batch's output pixels;
 * each is one array, indexed by int. The output ({@code N x M} floats) and the input
 * gradient are written through NIO views of native memory, whose size in bytes is an int.
 * CifarNet's conv2 at {@code L=5, H=10} and batch 4096 needs 2.6 billion projections: the
 * step failed with a bare {@code BufferOverflowException}. A batch past the capacity does
 * not reuse: the controller keeps the layer exact at that batch size and says why, and
 * {@code ./adr bench conv} refuses the batch size.
 *
 * @param maxElements the most elements one array may have
 * @param maxViewFloats the most floats one buffer view may have
 */
public record ReuseCapacity(long maxElements, long maxViewFloats) {
    /** What the JVM allocates at most in one array, and what one NIO view covers. */
    public static final ReuseCapacity JAVA_ARRAYS =
            new ReuseCapacity(Integer.MAX_VALUE - 8, Integer.MAX_VALUE / Float.BYTES);

    /**
     * A layer's sizes per image.
     *
     * @param outputPixels the output's height times width: a batch has this many rows per image
     * @param inputFloats the input's channels times height times width
     */
    public record PerImage(long outputPixels, long inputFloats) {
    }

    /** The elements of the step's largest array for {@code batch} images. */
    static long largestArray(LayerShape layer, ReuseSetting setting, long pixelsPerImage, long batch) {
        long length = setting.subVectorLength();
        long groups = (layer.rowLength() + length - 1) / length;
        long rows = batch * pixelsPerImage;
        long clusters = Math.min(rows, 1L << setting.hashBits());
        long widest = Math.max(length, Math.max(setting.hashBits(), layer.outChannels()));
        return Math.max(groups * rows * Math.max(length, setting.hashBits()), groups * clusters * widest);
    }

    /** The floats of the step's largest buffer view, the output or the input gradient, for {@code batch} images. */
    static long largestView(LayerShape layer, PerImage size, long batch) {
        return batch * Math.max(size.outputPixels() * layer.outChannels(), size.inputFloats());
    }

    /** Why {@code batch} images cannot reuse {@code setting} on {@code layer}; empty when they can. */
    public Optional<String> refusal(LayerShape layer, ReuseSetting setting, PerImage size, int batch) {
        if (fits(layer, setting, size, batch)) {
            return Optional.empty();
        }
        long largest = largestArray(layer, setting, size.outputPixels(), batch);
        String what = largest > maxElements
                ? String.format(Locale.ROOT, "its largest array would hold %,d elements, more than one array may"
                        + " (%,d)", largest, maxElements)
                : String.format(Locale.ROOT, "its output or input gradient would hold %,d floats, more than one"
                        + " buffer view may (%,d)", largestView(layer, size, batch), maxViewFloats);
        int fits = largestBatch(layer, setting, size, batch);
        return Optional.of(String.format(Locale.ROOT, "batch %d too large to reuse L=%d H=%d: %s; %s", batch,
                setting.subVectorLength(), setting.hashBits(), what, fits == 0 ? "no batch size reuses this setting"
                        : "batches of up to " + fits + (fits == 1 ? " image reuse" : " images reuse") + " it"));
    }

    private boolean fits(LayerShape layer, ReuseSetting setting, PerImage size, long batch) {
        return largestArray(layer, setting, size.outputPixels(), batch) <= maxElements
                && largestView(layer, size, batch) <= maxViewFloats;
    }

    /** The largest batch below {@code batch} that fits, 0 when none does. */
    private int largestBatch(LayerShape layer, ReuseSetting setting, PerImage size, int batch) {
        int low = 0;
        int high = batch - 1;
        while (low < high) {
            int mid = low + (high - low + 1) / 2;
            if (fits(layer, setting, size, mid)) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }
}
