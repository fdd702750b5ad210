package adr.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

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
     * Only the input gradient, for a caller that has the weight and bias gradients from
     * elsewhere (a reuse kernel's cluster sums). Called after the forward for the same
     * input. By default a {@link #backward} into scratch gradients.
     */
    default INDArray inputGradient(INDArray input, INDArray weights, INDArray gradOutput) {
        return backward(input, weights, gradOutput, weights.ulike(),
                Nd4j.create(weights.dataType(), weights.size(0)), true);
    }

    /**
     * True when {@link #backward} relies on state its own {@link #forward} left behind
     * (im2col keeps the unfolded input), so a caller that computed the forward some other
     * way must run this kernel's forward on the same input first.
     */
    default boolean backwardNeedsOwnForward() {
        return false;
    }
}
