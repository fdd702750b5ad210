package adr.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import adr.core.NativeBackend;
import adr.core.model.ModelCatalog;
import adr.core.nn.ConvAlgorithm;
import adr.core.random.Seeds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class Dl4jPeerTest {
    private static final long[] FASHION_MNIST = {1, 28, 28};
    private static final Dl4jPeer.Sgd SGD = new Dl4jPeer.Sgd(0.02, 0.9, 5e-4);

    @BeforeAll
    static void selectNativeBuild() {
        NativeBackend.select();
    }

    private static Dl4jPeer cifarNet(boolean helpers) {
        return Dl4jPeer.build("cifarnet", FASHION_MNIST, 10, 1, SGD, helpers);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cifarnet", "vgg-small"})
    void mirrorsOurArchitectureParameterForParameter(String model) {
        long ours = ModelCatalog.build(model, FASHION_MNIST, 10, new Seeds(1), DataType.FLOAT, ConvAlgorithm.AUTO)
                .parameterCount();
        assertThat(Dl4jPeer.build(model, FASHION_MNIST, 10, 1, SGD, true).parameterCount()).isEqualTo(ours);
    }

    @Test
    void cifarNetHasTheExpectedSizeFor28x28() {
        long conv = (1 * 25 * 64 + 64) + (64 * 25 * 64 + 64);
        long dense = (64 * 7 * 7 * 384 + 384) + (384 * 192 + 192) + (192 * 10 + 10);
        assertThat(cifarNet(true).parameterCount()).isEqualTo(conv + dense);
    }

    @Test
    void oneFitStepRunsAndReportsAFiniteLoss() {
        double loss = cifarNet(true).fit(Nd4j.rand(DataType.FLOAT, 8, 1, 28, 28), labels(8));
        assertThat(loss).isFinite().isPositive();
    }

    @Test
    void usesDl4jsOnednnHelpersOnTheOnednnBuildAndComputesTheSameStep() {
        assumeTrue(NativeBackend.select().contains("onednn"), "needs the oneDNN native build");
        Dl4jPeer withHelpers = cifarNet(true);
        Dl4jPeer plain = cifarNet(false);
        assertThat(withHelpers.convolutionHelper()).isEqualTo("MKLDNNConvHelper");
        assertThat(plain.convolutionHelper()).isEqualTo("none");
        // Same seed, same weights: the oneDNN path must train exactly like DL4J's own layers.
        INDArray images = Nd4j.rand(DataType.FLOAT, 8, 1, 28, 28);
        INDArray labels = labels(8);
        for (int step = 0; step < 2; step++) {
            assertThat(withHelpers.fit(images, labels)).isCloseTo(plain.fit(images, labels), within(1e-4));
        }
    }

    @Test
    void oneHotPutsAOneInEachLabelsColumn() {
        INDArray oneHot = Dl4jPeer.oneHot(new int[] {2, 0}, 3);
        assertThat(oneHot.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(oneHot.toFloatMatrix()).isEqualTo(new float[][] {{0, 0, 1}, {1, 0, 0}});
    }

    @Test
    void unknownModelIsRejectedWithTheKnownNames() {
        assertThatThrownBy(() -> Dl4jPeer.build("resnet", FASHION_MNIST, 10, 1, SGD, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cifarnet");
    }

    private static INDArray labels(int n) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
        }
        return Dl4jPeer.oneHot(labels, 10);
    }
}
