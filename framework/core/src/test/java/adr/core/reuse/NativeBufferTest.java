package adr.core.reuse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The reused native array: kept while the shape stays, freed on release and allocated again after. */
class NativeBufferTest {

    @Test
    void keepsTheArrayForOneShapeAndFreesItOnRelease() {
        NativeBuffer buffer = new NativeBuffer();
        INDArray first = buffer.put(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);

        assertThat(buffer.shaped(2, 3)).as("same shape, same array").isSameAs(first);
        buffer.release();

        assertThat(first.wasClosed()).as("freed now, not at the next collection").isTrue();
        INDArray again = buffer.put(new float[] {6, 5, 4, 3, 2, 1}, 2, 3);
        assertThat(again).isNotSameAs(first);
        assertThat(NativeBuffer.read(again, null)).containsExactly(6, 5, 4, 3, 2, 1);
    }

    @Test
    void releasingAnEmptyBufferDoesNothing() {
        NativeBuffer buffer = new NativeBuffer();

        buffer.release();

        assertThat(NativeBuffer.read(buffer.put(new float[] {7}, 1), null)).containsExactly(7);
    }
}
