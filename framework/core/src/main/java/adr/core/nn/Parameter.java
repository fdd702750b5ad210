package adr.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trainable tensor and its gradient buffer (same shape, written by backward).
 *
 * @param decays whether weight decay applies (weights yes, biases no)
 */
public record Parameter(String name, INDArray value, INDArray gradient, boolean decays) {

    public Parameter {
        if (!java.util.Arrays.equals(value.shape(), gradient.shape())) {
            throw new IllegalArgumentException("parameter " + name + ": gradient shape differs from value shape");
        }
    }

    public static Parameter weight(String name, INDArray value) {
        return new Parameter(name, value, value.ulike(), true);
    }

    public static Parameter bias(String name, INDArray value) {
        return new Parameter(name, value, value.ulike(), false);
    }
}
