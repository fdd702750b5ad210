package adr.core.data;

import static adr.core.data.DataFixtures.assertOneLineNaming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatasetSourceTest {
    @TempDir
    Path dir;

    @Test
    void parsesTheThreeForms() {
        assertThat(DatasetSource.parse("fashion-mnist"))
                .isEqualTo(new DatasetSource(DatasetSource.Kind.FASHION_MNIST,
                        Path.of("/usr/share/datasets/fashion-mnist")));
        assertThat(DatasetSource.parse(" idx:/data/mnist "))
                .isEqualTo(new DatasetSource(DatasetSource.Kind.IDX, Path.of("/data/mnist")));
        assertThat(DatasetSource.parse("cifar10:relative/dir"))
                .isEqualTo(new DatasetSource(DatasetSource.Kind.CIFAR10, Path.of("relative/dir")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fashion-mnist", "idx:/data/mnist", "cifar10:/data/cifar-10-batches-bin"})
    void describeGivesBackTheSpec(String spec) {
        assertThat(DatasetSource.parse(spec).describe()).isEqualTo(spec);
        assertThat(DatasetSource.parse(DatasetSource.parse(spec).describe())).isEqualTo(DatasetSource.parse(spec));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mnist", "", "idx:", "cifar10:  ", "FASHION", "cifar100:/x"})
    void rejectsBadSpecsListingTheForms(String spec) {
        assertThatThrownBy(() -> DatasetSource.parse(spec))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("fashion-mnist, idx:DIR, cifar10:DIR")
                .hasMessageNotContaining("\n");
    }

    @Test
    void loadsIdxDirectoryWithOrWithoutGzip() {
        Path gz = dir.resolve("gz");
        Path raw = dir.resolve("raw");
        DataFixtures.writeIdxDirectory(gz, 7, 3, true);
        DataFixtures.writeIdxDirectory(raw, 7, 3, false);

        DatasetSplits fromGz = DatasetSource.parse("idx:" + gz).load();
        DatasetSplits fromRaw = DatasetSource.parse("idx:" + raw).load();

        for (DatasetSplits splits : new DatasetSplits[] {fromGz, fromRaw}) {
            assertThat(splits.train().size()).isEqualTo(7);
            assertThat(splits.test().size()).isEqualTo(3);
            assertThat(splits.train().sampleShape()).containsExactly(1, 4, 3);
            assertThat(splits.train().classes()).isEqualTo(10);
        }
        assertThat(fromGz.train().pixels()).containsExactly(fromRaw.train().pixels());
        assertThat(fromGz.test().labels()).containsExactly(fromRaw.test().labels());
    }

    @Test
    void missingFashionMnistSaysHowToInstallIt() {
        Path missing = dir.resolve("fashion-mnist");
        DatasetSource source = new DatasetSource(DatasetSource.Kind.FASHION_MNIST, missing);

        DataException e = catchThrowableOfType(DataException.class, source::load);

        assertOneLineNaming(e, missing);
        assertThat(e.getMessage()).isEqualTo(missing.toAbsolutePath()
                + ": not found; install it with: apt-get install dataset-fashion-mnist (or pass --dataset idx:DIR)");
    }

    @Test
    void wrongDirectoryNamesTheExpectedFiles() throws Exception {
        Files.writeString(dir.resolve("README"), "not a dataset");
        DataFixtures.write(dir.resolve("train-images-idx3-ubyte.gz"),
                DataFixtures.gzip(DataFixtures.idxImages(2, 4, 3)));

        DataException e = catchThrowableOfType(DataException.class, () -> DatasetSource.parse("idx:" + dir).load());

        assertOneLineNaming(e, dir);
        assertThat(e.getMessage())
                .contains("missing train-labels-idx1-ubyte[.gz], t10k-images-idx3-ubyte[.gz],"
                        + " t10k-labels-idx1-ubyte[.gz]")
                .contains("expected train-images-idx3-ubyte[.gz]");
    }

    @Test
    void emptyFashionMnistDirectorySaysHowToReinstall() {
        DatasetSource source = new DatasetSource(DatasetSource.Kind.FASHION_MNIST, dir);

        DataException e = catchThrowableOfType(DataException.class, source::load);

        assertOneLineNaming(e, dir);
        assertThat(e.getMessage()).contains("holds none of the dataset's files; expected train-images-idx3-ubyte[.gz]",
                "apt-get install --reinstall");
    }

    @Test
    void missingIdxDirectoryIsNamed() {
        Path missing = dir.resolve("nowhere");

        DataException e = catchThrowableOfType(DataException.class, () -> DatasetSource.parse("idx:" + missing).load());

        assertOneLineNaming(e, missing);
        assertThat(e.getMessage()).contains("directory not found", "train-images-idx3-ubyte[.gz]");
    }

    @Test
    void aFileGivenAsTheIdxDirectoryIsNamedAsAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("train-images-idx3-ubyte"), "");

        DataException e = catchThrowableOfType(DataException.class, () -> DatasetSource.parse("idx:" + file).load());

        assertOneLineNaming(e, file);
        assertThat(e.getMessage()).contains("is a file, not a directory; pass --dataset idx:DIR");
    }

    @Test
    void corruptFileInsideDirectoryNamesThatFile() {
        DataFixtures.writeIdxDirectory(dir, 7, 3, true);
        Path labels = DataFixtures.write(dir.resolve("t10k-labels-idx1-ubyte.gz"),
                DataFixtures.gzip(DataFixtures.idxLabels(2)));

        DataException e = catchThrowableOfType(DataException.class, () -> DatasetSource.parse("idx:" + dir).load());

        assertOneLineNaming(e, labels);
        assertThat(e.getMessage()).contains("2 labels", "3 images");
    }
}
