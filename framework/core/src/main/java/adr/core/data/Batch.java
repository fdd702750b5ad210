package adr.core.data;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One mini-batch: {@code images} is a FLOAT array of shape {@code [b, c, h, w]} in
 * c-order and {@code labels[i]} is the class of image {@code i}.
 *
 * @param samples the dataset index of every image, so that per-image state (the reuse
 *     cluster cache) can follow an image across epochs; null when not known
 */
public record Batch(INDArray images, int[] labels, int[] samples) {

    public Batch {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(labels, "labels");
        if (images.rank() != 4 || images.size(0) != labels.length) {
            throw new IllegalArgumentException("images of shape " + java.util.Arrays.toString(images.shape())
                    + " do not match " + labels.length + " labels");
        }
        if (samples != null && samples.length != labels.length) {
            throw new IllegalArgumentException(samples.length + " sample indices for " + labels.length + " images");
        }
    }

    /** A batch whose images are not dataset samples (or whose origin does not matter). */
    public Batch(INDArray images, int[] labels) {
        this(images, labels, null);
    }

    /** Number of images in this batch; the last batch of a pass may be short. */
    public int size() {
        return labels.length;
    }
}
