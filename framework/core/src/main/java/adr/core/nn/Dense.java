package adr.core.nn;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Fully connected layer: {@code y = x W + b}, W of shape {@code [in, out]}. */
public final class Dense implements Layer {
    private final String name;
    private final Parameter weights;
    private final Parameter bias;
    private final Scratch output = new Scratch();
    private final Scratch gradInput = new Scratch();
    private INDArray input;

    public Dense(String name, INDArray weights, INDArray bias) {
        this.name = name;
        this.weights = Parameter.weight(name + ".weight", weights);
        this.bias = Parameter.bias(name + ".bias", bias);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long[] outputShape(long[] in) {
        if (in.length != 1 || in[0] != weights.value().size(0)) {
            throw new IllegalArgumentException(name + " expects [" + weights.value().size(0) + "] input, got "
                    + java.util.Arrays.toString(in));
        }
        return new long[] {weights.value().size(1)};
    }

    /** The output and the input gradient, both kept in scratch buffers. */
    @Override
    public long keptFloats(long[] in) {
        return Layer.elements(outputShape(in)) + Layer.elements(in);
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        input = x;
        INDArray w = weights.value();
        INDArray y = output.get(x.dataType(), x.size(0), w.size(1));
        Nd4j.gemm(x, w, y, false, false, 1.0, 0.0);
        return y.addiRowVector(bias.value());
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        Nd4j.gemm(input, gradOutput, weights.gradient(), true, false, 1.0, 0.0);
        bias.gradient().assign(gradOutput.sum(0));
        INDArray gradIn = gradInput.get(input.dataType(), input.shape());
        Nd4j.gemm(gradOutput, weights.value(), gradIn, false, true, 1.0, 0.0);
        input = null;
        return gradIn;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weights, bias);
    }
}
