package adr.core.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One pass over a dataset in mini-batches.
 *
 * <p>The visiting order is fixed when the object is built: a Fisher-Yates permutation
 * drawn from {@code shuffle}, or the dataset's own order when {@code shuffle} is null.
 * A training loop builds one {@code Batches} per epoch from the same shuffle stream,
 * so every epoch gets a new order and the whole run repeats for the same seed.
 *
 * <p>Each batch is assembled in one Java {@code float[]} (one {@code System.arraycopy}
 * per image), augmented and normalized there, and copied once into a native array;
 * working on the Java array avoids a native call per image. Augmentation draws from
 * {@code augRandom} as batches are produced, so iterating the same object twice gives
 * the same images in the same order but fresh augmentation. Not thread-safe.
 */
public final class Batches implements Iterable<Batch> {
    private final Dataset data;
    private final int batchSize;
    private final int[] order;
    private final Augmentation augmentation;
    private final SplittableRandom augRandom;
    private final Normalization normalization;

    /**
     * @param shuffle   source of the visiting order; null keeps the dataset order
     * @param aug       augmentation for training, {@link Augmentation#NONE} (or null) for evaluation
     * @param augRandom stream the augmentation draws from; may be null when {@code aug} is disabled
     * @param norm      per-channel normalization, or null to pass pixels through unchanged
     */
    public Batches(Dataset data, int batchSize, SplittableRandom shuffle, Augmentation aug,
            SplittableRandom augRandom, Normalization norm) {
        this.data = Objects.requireNonNull(data, "data");
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        this.batchSize = batchSize;
        this.augmentation = aug == null ? Augmentation.NONE : aug;
        if (augmentation.enabled() && augRandom == null) {
            throw new IllegalArgumentException("augmentation " + augmentation + " needs a random stream");
        }
        if (norm != null && norm.channels() != data.channels()) {
            throw new IllegalArgumentException("normalization for " + norm.channels() + " channels cannot apply to "
                    + data);
        }
        this.augRandom = augRandom;
        this.normalization = norm;
        this.order = permutation(data.size(), shuffle);
    }

    private static int[] permutation(int n, SplittableRandom shuffle) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (shuffle != null) {
            for (int i = n - 1; i > 0; i--) {
                int j = shuffle.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        return order;
    }

    /** Number of batches in one pass: {@code ceil(size / batchSize)}. */
    public int count() {
        return (data.size() + batchSize - 1) / batchSize;
    }

    @Override
    public Iterator<Batch> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < count();
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("all " + count() + " batches were returned");
                }
                return batch(next++);
            }
        };
    }

    private Batch batch(int index) {
        int start = index * batchSize;
        int size = Math.min(batchSize, data.size() - start);
        int length = data.sampleLength();
        float[] pixels = new float[size * length];
        int[] labels = new int[size];
        float[] source = data.pixels();
        int[] sourceLabels = data.labels();
        for (int k = 0; k < size; k++) {
            int image = order[start + k];
            System.arraycopy(source, image * length, pixels, k * length, length);
            labels[k] = sourceLabels[image];
        }
        int c = data.channels();
        int h = data.height();
        int w = data.width();
        augmentation.apply(pixels, size, c, h, w, augRandom);
        if (normalization != null) {
            normalization.apply(pixels, size, c, h * w);
        }
        return new Batch(Nd4j.create(pixels, new long[] {size, c, h, w}, DataType.FLOAT), labels,
                java.util.Arrays.copyOfRange(order, start, start + size));
    }
}
