package adr.core.train;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import adr.core.data.DatasetSource;
import adr.core.data.DatasetSplits;
import java.nio.file.Files;

/** Fashion-MNIST from Debian's dataset-fashion-mnist package, which `./adr test` installs. */
final class RealData {
    private RealData() {
    }

    static DatasetSplits fashionMnist() {
        assumeTrue(Files.isDirectory(DatasetSource.FASHION_MNIST_DIRECTORY),
                "Fashion-MNIST not installed (apt-get install dataset-fashion-mnist; ./adr test does it)");
        return DatasetSource.parse("fashion-mnist").load();
    }
}
