package adr.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Reshapes {@code [batch, c, h, w]} to {@code [batch, c*h*w]} (a view for contiguous input). */
public final class Flatten implements Layer {
    private final String name;
    private long[] inputShape;

    public Flatten(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long[] outputShape(long[] in) {
        return new long[] {Layer.elements(in)};
    }

    /** Nothing: the output and the input gradient are views. */
    @Override
    public long keptFloats(long[] in) {
        return 0;
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        inputShape = x.shape();
        return x.reshape('c', inputShape[0], x.length() / inputShape[0]);
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        return gradOutput.reshape('c', inputShape);
    }
}
