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

    /**
     * Floats per image of the buffers a training step leaves this layer holding, for one
     * input sample shape: the output and the input gradient it allocates and keeps (or that
     * the next layer keeps a reference to); 0 for what it computes in place or as a view.
     * Summed over a network it is a floor under a batch's memory, checked before a run starts.
     */
    long keptFloats(long[] inputShape);

    /** The elements of a sample shape. */
    static long elements(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

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
