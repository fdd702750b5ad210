package adr.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @BeforeAll
    static void selectNativeBuild() {
        NativeBackend.select();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cifarnet", "vgg-small"})
    void mirrorsOurArchitectureParameterForParameter(String model) {
        long ours = ModelCatalog.build(model, FASHION_MNIST, 10, new Seeds(1), DataType.FLOAT, ConvAlgorithm.AUTO)
                .parameterCount();
        Dl4jPeer peer = Dl4jPeer.build(model, FASHION_MNIST, 10, 1, 0.02, 0.9, 5e-4);
        assertThat(peer.parameterCount()).isEqualTo(ours);
    }

    @Test
    void cifarNetHasTheExpectedSizeFor28x28() {
        long conv = (1 * 25 * 64 + 64) + (64 * 25 * 64 + 64);
        long dense = (64 * 7 * 7 * 384 + 384) + (384 * 192 + 192) + (192 * 10 + 10);
        assertThat(Dl4jPeer.build("cifarnet", FASHION_MNIST, 10, 1, 0.02, 0.9, 5e-4).parameterCount())
                .isEqualTo(conv + dense);
    }

    @Test
    void oneFitStepRunsAndReportsAFiniteLoss() {
        Dl4jPeer peer = Dl4jPeer.build("cifarnet", FASHION_MNIST, 10, 1, 0.02, 0.9, 5e-4);
        INDArray images = Nd4j.rand(DataType.FLOAT, 8, 1, 28, 28);
        INDArray labels = Dl4jPeer.oneHot(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, 10);
        double loss = peer.fit(images, labels);
        assertThat(loss).isFinite().isPositive();
        assertThat(peer.convolutionHelper()).isNotBlank();
    }

    @Test
    void oneHotPutsAOneInEachLabelsColumn() {
        INDArray oneHot = Dl4jPeer.oneHot(new int[] {2, 0}, 3);
        assertThat(oneHot.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(oneHot.toFloatMatrix()).isEqualTo(new float[][] {{0, 0, 1}, {1, 0, 0}});
    }

    @Test
    void unknownModelIsRejectedWithTheKnownNames() {
        assertThatThrownBy(() -> Dl4jPeer.build("resnet", FASHION_MNIST, 10, 1, 0.02, 0.9, 5e-4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cifarnet");
    }
}
