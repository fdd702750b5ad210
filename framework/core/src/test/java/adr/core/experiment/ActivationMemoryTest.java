package adr.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import adr.core.model.ModelCatalog;
import adr.core.nn.ConvAlgorithm;
import adr.core.random.Seeds;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class ActivationMemoryTest {
    private static final long GB = 1L << 30;

    private static ActivationMemory of(String model, long... inputShape) {
        return ActivationMemory.of(ModelCatalog.build(model, inputShape, 10, new Seeds(1), DataType.FLOAT,
                ConvAlgorithm.NATIVE));
    }

    @Test
    void cifarNetKeepsItsLayersOutputsAndInputGradients() {
        long conv1 = 64 * 28 * 28 + 28 * 28;
        long pool1 = 64 * 14 * 14 + 64 * 28 * 28;
        long relu1 = 64 * 14 * 14; // in place: its input gradient only
        long conv2 = 2 * 64 * 14 * 14;
        long pool2 = 64 * 7 * 7 + 64 * 14 * 14;
        long relu2 = 64 * 7 * 7;
        long dense = (384 + 64 * 7 * 7) + 384 + (192 + 384) + 192 + (10 + 192); // flatten: views only
        ActivationMemory memory = of("cifarnet", 1, 28, 28);
        assertThat(memory.floatsPerImage()).isEqualTo(conv1 + pool1 + relu1 + conv2 + pool2 + relu2 + dense);
        assertThat(memory.bytes(64)).isEqualTo(memory.floatsPerImage() * 4 * 64);
    }

    @Test
    void theInputShapeSetsTheSizes() {
        assertThat(of("cifarnet", 3, 32, 32).floatsPerImage())
                .isGreaterThan(of("cifarnet", 1, 28, 28).floatsPerImage());
    }

    @Test
    void aBatchWhoseKeptBuffersAloneExceedTheCeilingIsRefusedNamingTheFlagAndSizes() {
        ActivationMemory memory = of("cifarnet", 1, 28, 28);
        assertThatThrownBy(() -> memory.requireFits(60_000, new NativeMemory(GB / 2, 20 * GB)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batch size 60000 does not fit in memory: cifarnet's layers keep 39.1 GB of outputs and"
                        + " gradients for it (684 KB per image), the process already uses 512.0 MB and may use"
                        + " 20.0 GB (org.bytedeco.javacpp.maxphysicalbytes); lower --batch-size");
    }

    @Test
    void whatFitsNextToTheMemoryInUseIsAcceptedUpToTheCeiling() {
        ActivationMemory memory = of("cifarnet", 1, 28, 28);
        long ceiling = GB / 2 + memory.bytes(1000);
        assertThatCode(() -> memory.requireFits(1000, new NativeMemory(GB / 2, ceiling))).doesNotThrowAnyException();
        assertThatThrownBy(() -> memory.requireFits(1001, new NativeMemory(GB / 2, ceiling)))
                .hasMessageStartingWith("batch size 1001 does not fit in memory:");
    }

    @Test
    void noCeilingNoCheck() {
        ActivationMemory memory = of("vgg-small", 1, 28, 28);
        assertThat(memory.floatsPerImage() * 4.0 / (1 << 20)).isBetween(1.9, 2.0);
        assertThatCode(() -> memory.requireFits(1_000_000, new NativeMemory(GB, 0))).doesNotThrowAnyException();
    }

    @Test
    void aBatchThatFitsTheFloorButNotItsMeasuredPeakGetsAWarning() {
        ActivationMemory memory = of("cifarnet", 1, 28, 28);
        NativeMemory machine = new NativeMemory(GB / 2, 20 * GB);
        assertThatCode(() -> memory.requireFits(20_000, machine)).doesNotThrowAnyException();
        assertThat(memory.warning(20_000, machine)).contains("batch size 20000 may not fit in memory: cifarnet's"
                + " layers keep 13.0 GB for it and a step's peak has been up to 1.9 times that (24.8 GB), more than"
                + " the 19.5 GB this process may still use; a step past it fails the run, so a lower --batch-size"
                + " is safer");
        assertThat(memory.warning(10_000, machine)).isEmpty();
        assertThat(memory.warning(20_000, new NativeMemory(GB / 2, 0))).isEmpty();
    }
}
