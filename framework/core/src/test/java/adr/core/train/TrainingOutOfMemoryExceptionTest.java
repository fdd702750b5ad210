package adr.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrainingOutOfMemoryExceptionTest {

    @Test
    void theNativeCeilingsMessageNamesTheBatchSizes() {
        OutOfMemoryError cause = new OutOfMemoryError("Cannot allocate new FloatPointer(1000)");
        cause.initCause(new OutOfMemoryError("Physical memory usage is too high: physicalBytes (2106M) >"
                + " maxPhysicalBytes (1024M)"));

        assertThat(new TrainingOutOfMemoryException(cause, 512, 64)).hasMessage("out of memory at batch size 512"
                + " (evaluation batch size 64): Physical memory usage is too high: physicalBytes (2106M) >"
                + " maxPhysicalBytes (1024M); lower --batch-size or --eval-batch-size and train again");
    }

    @Test
    void aFullJavaHeapAlsoNamesTheHeapSetting() {
        assertThat(new TrainingOutOfMemoryException(new OutOfMemoryError("Java heap space"), 4096, 64))
                .hasMessage("out of memory at batch size 4096 (evaluation batch size 64): Java heap space; lower"
                        + " --batch-size or --eval-batch-size, or give Java a larger heap (ADR_JAVA_OPTS=-Xmx16g for"
                        + " ./adr, whose default is -Xmx8g), and train again");
    }
}
