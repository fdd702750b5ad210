package adr.core.nn;

import adr.core.random.Seeds;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A small conv -> relu -> pool -> flatten -> dense network built by NetworkBuilder, checked end to
 * end, once against sum(logits .* R) and once against the softmax cross-entropy loss. The 5x5
 * convolution output pools to 2x2, so its last row and column never reach the pool and must
 * contribute nothing to any gradient.
 */
@ExtendWith(SingleThreadedNd4j.class)
class NetworkGradientTest {
    private static final int[] LABELS = {2, 0};

    private static Network tinyNetwork(ConvAlgorithm algorithm) {
        return new NetworkBuilder("tiny", new long[] {2, 5, 5}, new Seeds(81), DataType.DOUBLE, algorithm)
                .convRelu("conv1", 3, 3, 1, 1)
                .maxPool("pool1", 2, 2)
                .flatten()
                .dense("fc1", 3, false)
                .build();
    }

    @ParameterizedTest
    @EnumSource(value = ConvAlgorithm.class, names = {"NATIVE", "IM2COL"})
    void gradientsMatchFiniteDifferences(ConvAlgorithm algorithm) {
        Network network = tinyNetwork(algorithm);

        GradientCheck.assertGradientsMatch(GradientCheck.of(network), GradientCheck.gaussian(82, 2, 2, 5, 5), 83);
    }

    @ParameterizedTest
    @EnumSource(value = ConvAlgorithm.class, names = {"NATIVE", "IM2COL"})
    void lossGradientsMatchFiniteDifferences(ConvAlgorithm algorithm) {
        Network network = tinyNetwork(algorithm);
        INDArray x = GradientCheck.gaussian(84, 2, 2, 5, 5);
        SoftmaxCrossEntropy.Result result = SoftmaxCrossEntropy.evaluate(network.forward(x.dup(), true), LABELS);
        network.backward(result.gradient());
        List<INDArray> analytic = network.parameters().stream().map(p -> p.gradient().dup('c')).toList();

        for (int i = 0; i < analytic.size(); i++) {
            Parameter p = network.parameters().get(i);
            GradientCheck.assertGradientMatches(p.name(), p.value(), analytic.get(i),
                    () -> SoftmaxCrossEntropy.evaluate(network.forward(x.dup(), true), LABELS).loss());
        }
    }
}
