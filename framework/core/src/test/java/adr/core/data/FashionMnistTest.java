package adr.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Reads the real Fashion-MNIST files when Debian's dataset-fashion-mnist package is installed. */
class FashionMnistTest {

    @Test
    void loadsInstalledFashionMnist() {
        assumeTrue(Files.isDirectory(DatasetSource.FASHION_MNIST_DIRECTORY),
                "dataset-fashion-mnist is not installed");

        long start = System.nanoTime();
        DatasetSplits splits = DatasetSource.parse("fashion-mnist").load();
        long millis = (System.nanoTime() - start) / 1_000_000;

        for (Dataset data : new Dataset[] {splits.train(), splits.test()}) {
            assertThat(data.sampleShape()).containsExactly(1, 28, 28);
            assertThat(data.classes()).isEqualTo(10);
            assertThat(data.labels()).containsOnly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        }
        assertThat(splits.train().size()).isEqualTo(60000);
        assertThat(splits.test().size()).isEqualTo(10000);
        // Balanced classes: 6000 of each in training.
        int[] perClass = new int[10];
        for (int label : splits.train().labels()) {
            perClass[label]++;
        }
        assertThat(perClass).containsOnly(6000);
        System.out.println("fashion-mnist loaded in " + millis + " ms");
    }
}
