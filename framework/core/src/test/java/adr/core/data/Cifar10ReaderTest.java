package adr.core.data;

import static adr.core.data.DataFixtures.assertOneLineNaming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cifar10ReaderTest {
    @TempDir
    Path dir;

    /** Training batch {@code b} holds images {@code 3b..3b+2}; the test batch holds 2 more. */
    private void writeDirectory() {
        for (int b = 0; b < 5; b++) {
            DataFixtures.write(dir.resolve(Cifar10Reader.TRAIN_FILES.get(b)), DataFixtures.cifarRecords(3 * b, 3));
        }
        DataFixtures.write(dir.resolve(Cifar10Reader.TEST_FILE), DataFixtures.cifarRecords(100, 2));
    }

    @Test
    void readsAllBatchesInOrder() {
        writeDirectory();

        DatasetSplits splits = Cifar10Reader.read(dir, "cifar");

        Dataset train = splits.train();
        assertThat(train.size()).isEqualTo(15);
        assertThat(train.sampleShape()).containsExactly(3, 32, 32);
        assertThat(train.classes()).isEqualTo(10);
        assertImages(train, 0);
        assertThat(splits.test().size()).isEqualTo(2);
        assertImages(splits.test(), 100);
    }

    private static void assertImages(Dataset data, int firstImage) {
        for (int i = 0; i < data.size(); i++) {
            assertThat(data.labels()[i]).isEqualTo((firstImage + i) % 10);
            for (int p = 0; p < Cifar10Reader.PIXELS; p++) {
                assertThat(data.pixels()[i * Cifar10Reader.PIXELS + p])
                        .isEqualTo(DataFixtures.pixelByte(firstImage + i, p) / 255f);
            }
        }
    }

    @Test
    void rejectsSizeThatIsNotWholeRecords() {
        writeDirectory();
        byte[] records = DataFixtures.cifarRecords(6, 3);
        Path bad = DataFixtures.write(dir.resolve("data_batch_3.bin"), Arrays.copyOf(records, records.length - 1));

        DataException e = catchThrowableOfType(DataException.class, () -> Cifar10Reader.read(dir, "cifar"));

        assertOneLineNaming(e, bad);
        assertThat(e.getMessage()).contains("not a multiple of 3073");
    }

    @Test
    void rejectsLabelAboveNine() {
        writeDirectory();
        byte[] records = DataFixtures.cifarRecords(0, 2);
        records[Cifar10Reader.RECORD] = 42;
        Path bad = DataFixtures.write(dir.resolve(Cifar10Reader.TEST_FILE), records);

        DataException e = catchThrowableOfType(DataException.class, () -> Cifar10Reader.read(dir, "cifar"));

        assertOneLineNaming(e, bad);
        assertThat(e.getMessage()).contains("label 42 in record 1");
    }

    @Test
    void listsMissingFiles() {
        writeDirectory();
        dir.resolve("data_batch_4.bin").toFile().delete();
        dir.resolve(Cifar10Reader.TEST_FILE).toFile().delete();

        DataException e = catchThrowableOfType(DataException.class, () -> Cifar10Reader.read(dir, "cifar"));

        assertOneLineNaming(e, dir);
        assertThat(e.getMessage()).contains("missing data_batch_4.bin, test_batch.bin", "data_batch_1.bin");
    }

    @Test
    void rejectsMissingDirectory() {
        Path missing = dir.resolve("cifar-10-batches-bin");

        DataException e = catchThrowableOfType(DataException.class, () -> Cifar10Reader.read(missing, "cifar"));

        assertOneLineNaming(e, missing);
        assertThat(e.getMessage()).contains("not found", "cifar10:DIR");
    }
}
