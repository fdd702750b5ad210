package adr.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/** Max pooling over square windows (NCHW), through libnd4j's maxpool2d ops. */
public final class MaxPool2d implements Layer {
    private final String name;
    private final int size;
    private final int stride;
    private final int[] args;
    private final Scratch output = new Scratch();
    private final Scratch gradInput = new Scratch();
    private INDArray input;

    public MaxPool2d(String name, int size, int stride) {
        if (size < 1 || stride < 1) {
            throw new IllegalArgumentException(name + ": pool size and stride must be positive");
        }
        this.name = name;
        this.size = size;
        this.stride = stride;
        // kH, kW, sH, sW, pH, pW, dH, dW, same-mode, extra (unused for max), NHWC
        this.args = new int[] {size, size, stride, stride, 0, 0, 1, 1, 0, 0, 0};
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long[] outputShape(long[] in) {
        return new long[] {in[0], outSize(in[1]), outSize(in[2])};
    }

    private long outSize(long in) {
        long out = (in - size) / stride + 1;
        if (out < 1) {
            throw new IllegalArgumentException(name + ": input size " + in + " is smaller than pool size " + size);
        }
        return out;
    }

    /** The output and the input gradient, both kept in scratch buffers. */
    @Override
    public long keptFloats(long[] in) {
        return Layer.elements(outputShape(in)) + Layer.elements(in);
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        input = x;
        long[] s = x.shape();
        INDArray out = output.get(x.dataType(), s[0], s[1], outSize(s[2]), outSize(s[3]));
        Nd4j.exec(DynamicCustomOp.builder("maxpool2d").addInputs(x).addOutputs(out).addIntegerArguments(args).build());
        return out;
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        INDArray gradIn = gradInput.like(input);
        Nd4j.exec(DynamicCustomOp.builder("maxpool2d_bp").addInputs(input, gradOutput).addOutputs(gradIn)
                .addIntegerArguments(args).build());
        input = null;
        return gradIn;
    }
}
