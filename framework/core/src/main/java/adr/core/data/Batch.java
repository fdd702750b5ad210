package adr.core.data;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One mini-batch: {@code images} is a FLOAT array of shape {@code [b, c, h, w]} in
 * c-order and {@code labels[i]} is the class of image {@code i}.
 */
public record Batch(INDArray images, int[] labels) {

    public Batch {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(labels, "labels");
        if (images.rank() != 4 || images.size(0) != labels.length) {
            throw new IllegalArgumentException("images of shape " + java.util.Arrays.toString(images.shape())
                    + " do not match " + labels.length + " labels");
        }
    }

    /** Number of images in this batch; the last batch of a pass may be short. */
    public int size() {
        return labels.length;
    }
}
