package adr.core.nn;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One stage of a network. Activations are NCHW ({@code [batch, channels, height, width]})
 * for image layers and {@code [batch, features]} after {@link Flatten}.
 *
 * <p>{@link #forward} keeps what {@link #backward} needs, so calls alternate:
 * forward, then at most one backward for that forward. Parameter gradients are
 * overwritten (not accumulated) by each backward.
 */
public interface Layer {

    String name();

    /** The shape of one output sample for one input sample shape (no batch dimension). */
    long[] outputShape(long[] inputShape);

    INDArray forward(INDArray input, boolean training);

    /**
     * Returns the gradient with respect to the input, or null for a first layer built
     * without one; fills the parameter gradients.
     */
    INDArray backward(INDArray gradOutput);

    default List<Parameter> parameters() {
        return List.of();
    }
}
