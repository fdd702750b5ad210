package adr.core.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * A labelled image set held in memory, ready to be cut into batches.
 *
 * <p>{@code pixels} holds {@code size() * channels * height * width} values, one image
 * after another, each image in CHW order, scaled to [0, 1]. Keeping one flat
 * {@code float[]} (not one array per image) lets {@link Batches} fill a batch with one
 * {@code System.arraycopy} per image and keeps Fashion-MNIST's 47M pixels in a single
 * allocation.
 *
 * <p>The arrays are shared, not copied: callers must treat them as read-only. Like any
 * record with array components, {@code equals} compares the arrays by identity.
 */
public record Dataset(String name, int channels, int height, int width, int classes, float[] pixels, int[] labels) {

    public Dataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(labels, "labels");
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException(name + ": image shape must be positive, got "
                    + channels + "x" + height + "x" + width);
        }
        if (classes <= 0) {
            throw new IllegalArgumentException(name + ": classes must be positive, got " + classes);
        }
        long expected = (long) labels.length * channels * height * width;
        if (pixels.length != expected) {
            throw new IllegalArgumentException(name + ": " + pixels.length + " pixels for " + labels.length
                    + " images of " + channels + "x" + height + "x" + width + " (expected " + expected + ")");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException(name + ": label " + labels[i] + " of image " + i
                        + " is outside 0.." + (classes - 1));
            }
        }
    }

    /** Number of images. */
    public int size() {
        return labels.length;
    }

    /** Values per image: {@code channels * height * width}. */
    public int sampleLength() {
        return channels * height * width;
    }

    /** Shape of one image, {@code {channels, height, width}}. */
    public long[] sampleShape() {
        return new long[] {channels, height, width};
    }

    /** The first {@code n} images; this dataset itself when {@code n >= size()}. */
    public Dataset limit(int n) {
        if (n < 0) {
            throw new IllegalArgumentException(name + ": limit must be >= 0, got " + n);
        }
        if (n >= size()) {
            return this;
        }
        return new Dataset(name, channels, height, width, classes,
                Arrays.copyOf(pixels, n * sampleLength()), Arrays.copyOf(labels, n));
    }

    /** A summary; the default record form would only print array identities. */
    @Override
    public String toString() {
        return "Dataset[" + name + ": " + size() + " x " + channels + "x" + height + "x" + width
                + ", " + classes + " classes]";
    }
}
