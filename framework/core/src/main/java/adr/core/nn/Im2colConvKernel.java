package adr.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Exact convolution as one matrix product: unfold the input into a {@code K x (batch*P)}
 * column matrix (K = C*k*k, P = output pixels), multiply by the {@code M x K} weights,
 * fold the result back to NCHW. One large GEMM instead of one per sample, because the
 * per-call overhead of small GEMMs dominated when measured. The column matrix is kept
 * for the weight gradient.
 */
final class Im2colConvKernel implements ConvKernel {
    private static final int VALID_PADDING = 0;

    private final ConvGeometry geometry;
    private final int[] im2colArgs;
    private INDArray columns;

    Im2colConvKernel(ConvGeometry geometry) {
        this.geometry = geometry;
        int[] k = geometry.kernelArgs();
        this.im2colArgs = new int[] {k[0], k[1], k[2], k[3], k[4], k[5], k[6], k[7], VALID_PADDING};
    }

    @Override
    public INDArray forward(INDArray input, INDArray weights, INDArray bias) {
        long[] s = input.shape();
        long batch = s[0];
        int k = geometry.kernel();
        int outH = geometry.outputSize((int) s[2]);
        int outW = geometry.outputSize((int) s[3]);
        INDArray unfolded = Nd4j.createUninitialized(input.dataType(), batch, s[1], k, k, outH, outW);
        Nd4j.exec(DynamicCustomOp.builder("im2col").addInputs(input).addOutputs(unfolded)
                .addIntegerArguments(im2colArgs).addFloatingPointArguments(0.0).build());
        long pixels = batch * outH * outW;
        columns = unfolded.permute(1, 2, 3, 0, 4, 5).dup('c').reshape(geometry.rowLength(), pixels);
        INDArray product = Nd4j.createUninitialized(input.dataType(), new long[] {geometry.outChannels(), pixels}, 'f');
        Nd4j.gemm(matrix(weights), columns, product, false, false, 1.0, 0.0);
        product.addiColumnVector(bias.reshape(geometry.outChannels(), 1));
        return product.reshape('f', geometry.outChannels(), batch, outH, outW).permute(1, 0, 2, 3).dup('c');
    }

    @Override
    public INDArray backward(INDArray input, INDArray weights, INDArray gradOutput, INDArray gradWeights,
            INDArray gradBias) {
        long[] g = gradOutput.shape();
        int m = geometry.outChannels();
        INDArray gradProduct = gradOutput.permute(1, 0, 2, 3).dup('c').reshape(m, g[0] * g[2] * g[3]);
        INDArray gradMatrix = Nd4j.gemm(gradProduct, columns, false, true);
        gradWeights.assign(gradMatrix.reshape(gradWeights.shape()));
        gradBias.assign(gradProduct.sum(1));
        INDArray gradColumns = Nd4j.gemm(matrix(weights), gradProduct, true, false);
        long[] s = input.shape();
        int k = geometry.kernel();
        INDArray unfoldedGrad = gradColumns.reshape(s[1], k, k, g[0], g[2], g[3]).permute(3, 0, 1, 2, 4, 5).dup('c');
        INDArray gradInput = input.ulike();
        Nd4j.exec(DynamicCustomOp.builder("col2im").addInputs(unfoldedGrad).addOutputs(gradInput)
                .addIntegerArguments(geometry.stride(), geometry.stride(), geometry.padding(), geometry.padding(),
                        (int) s[2], (int) s[3], 1, 1)
                .build());
        columns = null;
        return gradInput;
    }

    private INDArray matrix(INDArray weights) {
        return weights.reshape(geometry.outChannels(), geometry.rowLength());
    }
}
