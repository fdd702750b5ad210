package adr.core.nn;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Exact 2-D convolution with bias; the arithmetic is delegated to a {@link ConvKernel}. */
public final class Conv2d implements Layer {
    private final String name;
    private final ConvGeometry geometry;
    private final ConvKernel exact;
    private ConvKernel kernel;
    private final Parameter weights;
    private final Parameter bias;
    private final boolean inputGradient;
    private INDArray input;

    public Conv2d(String name, ConvGeometry geometry, ConvAlgorithm algorithm, INDArray weights, INDArray bias) {
        this(name, geometry, algorithm, weights, bias, true);
    }

    /** @param inputGradient false for a first layer, whose backward then returns null */
    public Conv2d(String name, ConvGeometry geometry, ConvAlgorithm algorithm, INDArray weights, INDArray bias,
            boolean inputGradient) {
        this.inputGradient = inputGradient;
        this.name = name;
        this.geometry = geometry;
        this.exact = algorithm.kernel(geometry);
        this.kernel = exact;
        this.weights = Parameter.weight(name + ".weight", weights);
        this.bias = Parameter.bias(name + ".bias", bias);
    }

    @Override
    public String name() {
        return name;
    }

    public ConvGeometry geometry() {
        return geometry;
    }

    /** Whether backward returns an input gradient (false for a first layer). */
    public boolean computesInputGradient() {
        return inputGradient;
    }

    /** The exact kernel, which a reuse kernel falls back on for exact parts. */
    public ConvKernel exactKernel() {
        return exact;
    }

    /**
     * Computes the next forward and backward with {@code replacement} (a reuse kernel),
     * or exactly again when it is null. Set between steps, never between a forward and
     * its backward.
     */
    public void useKernel(ConvKernel replacement) {
        this.kernel = replacement == null ? exact : replacement;
    }

    @Override
    public long[] outputShape(long[] in) {
        if (in.length != 3 || in[0] != geometry.inChannels()) {
            throw new IllegalArgumentException(name + " expects [" + geometry.inChannels() + ", h, w] input, got "
                    + java.util.Arrays.toString(in));
        }
        return new long[] {geometry.outChannels(), geometry.outputSize((int) in[1]), geometry.outputSize((int) in[2])};
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        this.input = x;
        return kernel.forward(x, weights.value(), bias.value());
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        INDArray gradInput = kernel.backward(input, weights.value(), gradOutput, weights.gradient(), bias.gradient(),
                inputGradient);
        input = null;
        return gradInput;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weights, bias);
    }
}
