package adr.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Exact convolution through im2col and GEMM: unfold each sample into a {@code K x P}
 * column matrix (K = C*k*k, P = output pixels) and multiply by the {@code M x K}
 * weights, one GEMM per sample straight into the NCHW output. One large GEMM over the
 * whole batch would need the columns permuted to {@code K x (batch*P)} first; that
 * strided copy measured an order of magnitude slower than the per-sample calls here.
 * Gradients fold back with col2im.
 */
final class Im2colConvKernel implements ConvKernel {
    private static final int VALID_PADDING = 0;

    private final ConvGeometry geometry;
    private final int[] im2colArgs;
    private final Scratch columns = new Scratch();
    private final Scratch output = new Scratch();
    private final Scratch gradColumns = new Scratch();
    private final Scratch gradInput = new Scratch();
    private INDArray unfoldedInput;

    Im2colConvKernel(ConvGeometry geometry) {
        this.geometry = geometry;
        int[] k = geometry.kernelArgs();
        this.im2colArgs = new int[] {k[0], k[1], k[2], k[3], k[4], k[5], k[6], k[7], VALID_PADDING};
    }

    @Override
    public INDArray forward(INDArray input, INDArray weights, INDArray bias) {
        long[] s = input.shape();
        int k = geometry.kernel();
        int outH = geometry.outputSize((int) s[2]);
        int outW = geometry.outputSize((int) s[3]);
        INDArray unfolded = columns.get(input.dataType(), s[0], s[1], k, k, outH, outW);
        Nd4j.exec(DynamicCustomOp.builder("im2col").addInputs(input).addOutputs(unfolded)
                .addIntegerArguments(im2colArgs).addFloatingPointArguments(0.0).build());
        unfoldedInput = unfolded;
        INDArray cols = perSample(unfolded, geometry.rowLength());
        INDArray out = output.get(input.dataType(), s[0], geometry.outChannels(), outH, outW);
        INDArray y = perSample(out, geometry.outChannels());
        INDArray w = matrix(weights);
        for (long b = 0; b < s[0]; b++) {
            Nd4j.gemm(w, cols.slice(b), y.slice(b), false, false, 1.0, 0.0);
        }
        out.addi(bias.reshape(1, geometry.outChannels(), 1, 1));
        return out;
    }

    @Override
    public boolean backwardNeedsOwnForward() {
        return true;
    }

    @Override
    public INDArray backward(INDArray input, INDArray weights, INDArray gradOutput, INDArray gradWeights,
            INDArray gradBias, boolean inputGradient) {
        long batch = input.size(0);
        INDArray cols = perSample(unfoldedInput, geometry.rowLength());
        INDArray dY = perSample(gradOutput, geometry.outChannels());
        INDArray dW = matrix(gradWeights);
        for (long b = 0; b < batch; b++) {
            Nd4j.gemm(dY.slice(b), cols.slice(b), dW, false, true, 1.0, b == 0 ? 0.0 : 1.0);
        }
        gradBias.assign(gradOutput.sum(0, 2, 3));
        if (!inputGradient) {
            return null;
        }
        INDArray unfoldedGrad = gradColumns.get(input.dataType(), columnShape(input, gradOutput));
        INDArray dCols = perSample(unfoldedGrad, geometry.rowLength());
        INDArray w = matrix(weights);
        for (long b = 0; b < batch; b++) {
            Nd4j.gemm(w, dY.slice(b), dCols.slice(b), true, false, 1.0, 0.0);
        }
        long[] s = input.shape();
        INDArray gradIn = gradInput.like(input);
        Nd4j.exec(DynamicCustomOp.builder("col2im").addInputs(unfoldedGrad).addOutputs(gradIn)
                .addIntegerArguments(geometry.stride(), geometry.stride(), geometry.padding(), geometry.padding(),
                        (int) s[2], (int) s[3], 1, 1, VALID_PADDING)
                .build());
        return gradIn;
    }

    private long[] columnShape(INDArray input, INDArray gradOutput) {
        int k = geometry.kernel();
        return new long[] {input.size(0), input.size(1), k, k, gradOutput.size(2), gradOutput.size(3)};
    }

    /** A {@code [batch, rows, P]} view of a c-order array whose trailing dimensions flatten to P. */
    private static INDArray perSample(INDArray array, long rows) {
        long batch = array.size(0);
        return array.reshape(batch, rows, array.length() / batch / rows);
    }

    private INDArray matrix(INDArray weights) {
        return weights.reshape(geometry.outChannels(), geometry.rowLength());
    }
}
