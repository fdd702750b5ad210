package adr.core.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Training-time image augmentation: random crop with zero padding and random
 * horizontal flip, the standard pair for small CIFAR/MNIST-sized images.
 *
 * <p>A random crop of the image padded by {@code cropPadding} zeros on every side is the
 * same as shifting the image by {@code (dy, dx)}, each uniform in
 * {@code [-cropPadding, cropPadding]}, and filling what slides in with zeros:
 * {@code out[y][x] = in[y + dy][x + dx]}. Doing the shift directly avoids building the
 * padded image. The flip, with probability 0.5, mirrors the shifted image left to right.
 *
 * <p>Every image draws the same number of random values whether or not it ends up
 * changed, so a run's augmentation stream stays aligned however the draws come out.
 */
public record Augmentation(int cropPadding, boolean horizontalFlip) {

    /** No augmentation; evaluation always uses this. */
    public static final Augmentation NONE = new Augmentation(0, false);

    public Augmentation {
        if (cropPadding < 0) {
            throw new IllegalArgumentException("cropPadding must be >= 0, got " + cropPadding);
        }
    }

    /** Whether {@link #apply} changes anything. */
    public boolean enabled() {
        return cropPadding > 0 || horizontalFlip;
    }

    /** Augments the first {@code images} CHW images of {@code batchPixels} in place. */
    public void apply(float[] batchPixels, int images, int c, int h, int w, SplittableRandom random) {
        if (!enabled()) {
            return;
        }
        if (cropPadding >= h || cropPadding >= w) {
            throw new IllegalArgumentException("cropPadding " + cropPadding
                    + " leaves nothing of " + h + "x" + w + " images");
        }
        int plane = h * w;
        int length = c * plane;
        if ((long) images * length > batchPixels.length) {
            throw new IllegalArgumentException(images + " images of " + c + "x" + h + "x" + w
                    + " do not fit in " + batchPixels.length + " values");
        }
        float[] scratch = new float[length];
        for (int image = 0; image < images; image++) {
            int dy = cropPadding > 0 ? random.nextInt(-cropPadding, cropPadding + 1) : 0;
            int dx = cropPadding > 0 ? random.nextInt(-cropPadding, cropPadding + 1) : 0;
            boolean flip = horizontalFlip && random.nextBoolean();
            if (dy == 0 && dx == 0 && !flip) {
                continue;
            }
            int base = image * length;
            System.arraycopy(batchPixels, base, scratch, 0, length);
            for (int ch = 0; ch < c; ch++) {
                for (int y = 0; y < h; y++) {
                    int out = base + ch * plane + y * w;
                    int sy = y + dy;
                    if (sy < 0 || sy >= h) {
                        Arrays.fill(batchPixels, out, out + w, 0f);
                    } else if (flip) {
                        mirroredRow(scratch, ch * plane + sy * w, dx, w, batchPixels, out);
                    } else {
                        shiftedRow(scratch, ch * plane + sy * w, dx, w, batchPixels, out);
                    }
                }
            }
        }
    }

    /** {@code out[x] = in[x + dx]}, zero where {@code x + dx} falls outside the row. */
    private static void shiftedRow(float[] in, int inRow, int dx, int w, float[] out, int outRow) {
        int from = Math.max(0, -dx);
        int to = Math.min(w, w - dx);
        Arrays.fill(out, outRow, outRow + from, 0f);
        System.arraycopy(in, inRow + from + dx, out, outRow + from, to - from);
        Arrays.fill(out, outRow + to, outRow + w, 0f);
    }

    /** {@code out[x] = in[(w - 1 - x) + dx]}: the shifted row, mirrored. */
    private static void mirroredRow(float[] in, int inRow, int dx, int w, float[] out, int outRow) {
        for (int x = 0; x < w; x++) {
            int sx = w - 1 - x + dx;
            out[outRow + x] = sx >= 0 && sx < w ? in[inRow + sx] : 0f;
        }
    }
}
