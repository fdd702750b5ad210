package adr.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/** libnd4j's conv2d and conv2d_bp ops; with the oneDNN build these run oneDNN primitives. */
final class NativeConvKernel implements ConvKernel {
    private static final int VALID_PADDING = 0;
    private static final int NCHW = 0;
    private static final int WEIGHTS_OUT_IN_K_K = 1;

    private final ConvGeometry geometry;
    private final int[] args;
    private final Scratch output = new Scratch();
    private final Scratch gradInput = new Scratch();
    private final Scratch zeroBias = new Scratch();

    NativeConvKernel(ConvGeometry geometry) {
        this.geometry = geometry;
        int[] k = geometry.kernelArgs();
        this.args = new int[] {k[0], k[1], k[2], k[3], k[4], k[5], k[6], k[7], VALID_PADDING, NCHW, WEIGHTS_OUT_IN_K_K};
    }

    @Override
    public INDArray forward(INDArray input, INDArray weights, INDArray bias) {
        long[] s = input.shape();
        INDArray out = output.get(input.dataType(), s[0], geometry.outChannels(),
                geometry.outputSize((int) s[2]), geometry.outputSize((int) s[3]));
        Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(input, weights, bias).addOutputs(out)
                .addIntegerArguments(args).build());
        return out;
    }

    @Override
    public INDArray backward(INDArray input, INDArray weights, INDArray gradOutput, INDArray gradWeights,
            INDArray gradBias, boolean inputGradient) {
        INDArray gradIn = gradInput.like(input);
        // conv2d_bp reads the bias only for its shape
        INDArray bias = zeroBias.like(gradBias);
        Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(input, weights, bias, gradOutput)
                .addOutputs(gradIn, gradWeights, gradBias).addIntegerArguments(args).build());
        // conv2d_bp computes the input gradient either way; an im2col-based weight-only
        // gradient for the first layer was measured slower (it also slowed the next forward).
        return inputGradient ? gradIn : null;
    }

    /**
     * The transposed convolution of the output gradient (libnd4j's deconv2d, oneDNN's
     * backward-data primitive): conv2d_bp also computes the weight gradient, which a reuse
     * kernel takes from its cluster sums. CifarNet conv2 at batch 64: 7.6-19.4 ms against
     * 15.3-30.1 ms for conv2d_bp, bit-identical input gradients.
     */
    @Override
    public INDArray inputGradient(INDArray input, INDArray weights, INDArray gradOutput) {
        long[] s = input.shape();
        if (!geometry.transposeRestores((int) s[2]) || !geometry.transposeRestores((int) s[3])) {
            return ConvKernel.super.inputGradient(input, weights, gradOutput);
        }
        INDArray gradIn = gradInput.like(input);
        Nd4j.exec(DynamicCustomOp.builder("deconv2d").addInputs(gradOutput, weights).addOutputs(gradIn)
                .addIntegerArguments(args).build());
        return gradIn;
    }
}
