package adr.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/** One way to compute a convolution and its gradients (NCHW, weights [oC, iC, k, k]): exact, or with reuse. */
public interface ConvKernel {

    INDArray forward(INDArray input, INDArray weights, INDArray bias);

    /**
     * Writes the weight and bias gradients and returns the input gradient, or null when
     * {@code inputGradient} is false (the first layer: nothing consumes it). Called once
     * after the forward for the same input.
     */
    INDArray backward(INDArray input, INDArray weights, INDArray gradOutput, INDArray gradWeights, INDArray gradBias,
            boolean inputGradient);

    /**
     * True when {@link #backward} relies on state its own {@link #forward} left behind
     * (im2col keeps the unfolded input), so a caller that computed the forward some other
     * way must run this kernel's forward on the same input first.
     */
    default boolean backwardNeedsOwnForward() {
        return false;
    }
}
