package adr.core.nn;

import static org.assertj.core.api.Assertions.assertThat;

import adr.core.model.ModelCatalog;
import adr.core.random.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * NATIVE and IM2COL compute the same exact convolution, so in float they must agree on the
 * output and on every gradient to float rounding (1e-4 of the largest magnitude).
 */
@ExtendWith(SingleThreadedNd4j.class)
class ConvAlgorithmEquivalenceTest {
    private static final double RELATIVE = 1e-4;

    @ParameterizedTest(name = "stride {0}")
    @CsvSource({"1", "2"})
    void cifarNetShapedConvolutionAgrees(int stride) {
        ConvGeometry geometry = new ConvGeometry(8, 16, 5, stride, 2);
        INDArray weights = GradientCheck.gaussian(91, 16, 8, 5, 5).muli(0.1).castTo(DataType.FLOAT);
        INDArray bias = GradientCheck.gaussian(92, 16).castTo(DataType.FLOAT);
        INDArray x = GradientCheck.gaussian(93, 4, 8, 12, 12).castTo(DataType.FLOAT);
        Conv2d nativeConv = new Conv2d("native", geometry, ConvAlgorithm.NATIVE, weights.dup(), bias.dup());
        Conv2d im2colConv = new Conv2d("im2col", geometry, ConvAlgorithm.IM2COL, weights.dup(), bias.dup());

        INDArray nativeOut = nativeConv.forward(x.dup(), true);
        INDArray im2colOut = im2colConv.forward(x.dup(), true);
        assertClose("output", nativeOut, im2colOut);

        INDArray r = GradientCheck.gaussian(94, nativeOut.shape()).castTo(DataType.FLOAT);
        assertClose("input gradient", nativeConv.backward(r.dup()), im2colConv.backward(r.dup()));
        for (int i = 0; i < 2; i++) {
            Parameter expected = nativeConv.parameters().get(i);
            assertClose(expected.name() + " gradient", expected.gradient(), im2colConv.parameters().get(i).gradient());
        }
    }

    /** Stride 2 on 12x12 leaves a row the transposed convolution does not restore: the fallback. */
    @ParameterizedTest(name = "{0}, stride {1}, {2}x{2}")
    @CsvSource({"NATIVE, 1, 12", "NATIVE, 2, 13", "NATIVE, 2, 12", "IM2COL, 1, 12"})
    void theInputGradientAloneEqualsTheFullBackwards(ConvAlgorithm algorithm, int stride, int size) {
        ConvGeometry geometry = new ConvGeometry(8, 16, 5, stride, 2);
        INDArray weights = GradientCheck.gaussian(81, 16, 8, 5, 5).castTo(DataType.FLOAT);
        INDArray bias = GradientCheck.gaussian(82, 16).castTo(DataType.FLOAT);
        INDArray x = GradientCheck.gaussian(83, 4, 8, size, size).castTo(DataType.FLOAT);
        ConvKernel kernel = algorithm.kernel(geometry);
        INDArray out = kernel.forward(x, weights, bias);
        INDArray dy = GradientCheck.gaussian(84, out.shape()).castTo(DataType.FLOAT);

        INDArray expected = kernel.backward(x, weights, dy, weights.ulike(), bias.ulike(), true).dup();
        assertClose("input gradient", expected, kernel.inputGradient(x, weights, dy));
    }

    @Test
    void wholeCifarNetAgrees() {
        long[] sample = {3, 12, 12};
        var nativeNet = ModelCatalog.build("cifarnet", sample, 10, new Seeds(95), DataType.FLOAT, ConvAlgorithm.NATIVE);
        var im2colNet = ModelCatalog.build("cifarnet", sample, 10, new Seeds(95), DataType.FLOAT, ConvAlgorithm.IM2COL);
        INDArray x = GradientCheck.gaussian(96, 4, 3, 12, 12).castTo(DataType.FLOAT);

        INDArray nativeLogits = nativeNet.forward(x.dup(), true);
        assertClose("logits", nativeLogits, im2colNet.forward(x.dup(), true));

        INDArray r = GradientCheck.gaussian(97, nativeLogits.shape()).castTo(DataType.FLOAT);
        // the first convolution computes no input gradient: nothing consumes it
        assertThat(nativeNet.backward(r.dup())).isNull();
        assertThat(im2colNet.backward(r.dup())).isNull();
        for (int i = 0; i < nativeNet.parameters().size(); i++) {
            Parameter expected = nativeNet.parameters().get(i);
            assertClose(expected.name() + " gradient", expected.gradient(), im2colNet.parameters().get(i).gradient());
        }
    }

    private static void assertClose(String what, INDArray expected, INDArray actual) {
        assertThat(actual.shape()).as(what + " shape").containsExactly(expected.shape());
        double scale = expected.amaxNumber().doubleValue();
        double difference = expected.sub(actual).amaxNumber().doubleValue();
        assertThat(difference).as("%s: largest difference relative to largest magnitude %s", what, scale)
                .isLessThanOrEqualTo(RELATIVE * scale);
    }
}
