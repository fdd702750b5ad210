package adr.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Rectified linear unit, any shape. */
public final class Relu implements Layer {
    private final String name;
    private final Scratch gradInput = new Scratch();
    private INDArray output;

    public Relu(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long[] outputShape(long[] in) {
        return in.clone();
    }

    /** The input gradient only: the output is the input, rectified in place. */
    @Override
    public long keptFloats(long[] in) {
        return Layer.elements(in);
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        // In place: the input is not needed by the layer before (conv and dense keep their own inputs).
        output = Transforms.relu(x, false);
        return output;
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        INDArray gradIn = gradInput.like(gradOutput);
        Nd4j.exec(DynamicCustomOp.builder("relu_bp").addInputs(output, gradOutput).addOutputs(gradIn)
                .addFloatingPointArguments(0.0).build());
        output = null;
        return gradIn;
    }
}
