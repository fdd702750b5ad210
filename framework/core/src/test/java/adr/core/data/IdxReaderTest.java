package adr.core.data;

import static adr.core.data.DataFixtures.assertOneLineNaming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsRawFiles() {
        Path images = DataFixtures.write(dir.resolve("images"), DataFixtures.idxImages(5, 4, 3));
        Path labels = DataFixtures.write(dir.resolve("labels"), DataFixtures.idxLabels(5));

        assertRoundTrip(IdxReader.read("raw", images, labels, 10), 5);
    }

    @Test
    void readsGzipFilesWhateverTheirName() {
        // No .gz suffix: compression must be recognised from the content.
        Path images = DataFixtures.write(dir.resolve("images.bin"), DataFixtures.gzip(DataFixtures.idxImages(5, 4, 3)));
        Path labels = DataFixtures.write(dir.resolve("labels.gz"), DataFixtures.gzip(DataFixtures.idxLabels(5)));

        assertRoundTrip(IdxReader.read("gzip", images, labels, 10), 5);
    }

    @Test
    void readsFilesLargerThanOneChunk() {
        Path images = DataFixtures.write(dir.resolve("images.gz"),
                DataFixtures.gzip(DataFixtures.idxImages(300, 28, 28)));
        Path labels = DataFixtures.write(dir.resolve("labels"), DataFixtures.idxLabels(300));

        assertRoundTrip(IdxReader.read("big", images, labels, 10), 300);
    }

    private static void assertRoundTrip(Dataset data, int count) {
        int length = data.sampleLength();
        assertThat(data.size()).isEqualTo(count);
        assertThat(data.sampleShape()).containsExactly(1, data.height(), data.width());
        for (int i = 0; i < count; i++) {
            assertThat(data.labels()[i]).isEqualTo(i % 10);
            for (int p = 0; p < length; p++) {
                assertThat(data.pixels()[i * length + p]).isEqualTo(DataFixtures.pixelByte(i, p) / 255f);
            }
        }
    }

    @Test
    void rejectsBadMagic() {
        byte[] content = DataFixtures.idxImages(2, 4, 3);
        Arrays.fill(content, 0, 4, (byte) 0);
        Path images = DataFixtures.write(dir.resolve("train-images-idx3-ubyte.gz"), DataFixtures.gzip(content));
        Path labels = DataFixtures.write(dir.resolve("labels"), DataFixtures.idxLabels(2));

        DataException e = catchThrowableOfType(DataException.class, () -> IdxReader.read("x", images, labels, 10));

        assertOneLineNaming(e, images);
        assertThat(e.getMessage()).isEqualTo(images.toAbsolutePath()
                + ": bad magic number 0x00000000 (expected 0x00000803 for IDX images); is this an IDX image file?");
    }

    @Test
    void saysWhenLabelsAndImagesAreSwapped() {
        Path images = DataFixtures.write(dir.resolve("images"), DataFixtures.idxImages(2, 4, 3));
        Path labels = DataFixtures.write(dir.resolve("labels"), DataFixtures.idxLabels(2));

        DataException e = catchThrowableOfType(DataException.class, () -> IdxReader.read("x", labels, images, 10));

        assertOneLineNaming(e, labels);
        assertThat(e.getMessage()).contains("0x00000801", "label file");
    }

    @Test
    void rejectsTruncatedRawFile() {
        byte[] full = DataFixtures.idxImages(5, 4, 3);
        Path images = DataFixtures.write(dir.resolve("images"), Arrays.copyOf(full, full.length - 7));

        DataException e = catchThrowableOfType(DataException.class, () -> IdxReader.readImages(images));

        assertOneLineNaming(e, images);
        assertThat(e.getMessage()).contains("truncated", "5 images of 4x3", "53");
    }

    @Test
    void rejectsTruncatedGzipFile() {
        byte[] gz = DataFixtures.gzip(DataFixtures.idxImages(50, 4, 3));
        Path images = DataFixtures.write(dir.resolve("images.gz"), Arrays.copyOf(gz, gz.length / 2));

        DataException e = catchThrowableOfType(DataException.class, () -> IdxReader.readImages(images));

        assertOneLineNaming(e, images);
        assertThat(e.getMessage()).contains("truncated");
    }

    @Test
    void rejectsTruncatedHeader() {
        byte[] full = DataFixtures.idxImages(5, 4, 3);
        Path images = DataFixtures.write(dir.resolve("images"), Arrays.copyOf(full, 10));
        Path tiny = DataFixtures.write(dir.resolve("tiny"), new byte[] {0, 0});

        DataException header = catchThrowableOfType(DataException.class, () -> IdxReader.readImages(images));
        DataException magic = catchThrowableOfType(DataException.class, () -> IdxReader.readImages(tiny));

        assertOneLineNaming(header, images);
        assertThat(header.getMessage()).contains("truncated inside the IDX header");
        assertOneLineNaming(magic, tiny);
        assertThat(magic.getMessage()).contains("too short");
    }

    @Test
    void rejectsCountMismatch() {
        Path images = DataFixtures.write(dir.resolve("images"), DataFixtures.idxImages(5, 4, 3));
        Path labels = DataFixtures.write(dir.resolve("labels"), DataFixtures.idxLabels(4));

        DataException e = catchThrowableOfType(DataException.class, () -> IdxReader.read("x", images, labels, 10));

        assertOneLineNaming(e, labels);
        assertThat(e.getMessage()).contains(images.toAbsolutePath().toString(), "4 labels", "5 images");
    }

    @Test
    void rejectsLabelOutOfRange() {
        byte[] content = DataFixtures.idxLabels(5);
        content[8 + 3] = 12;
        Path labels = DataFixtures.write(dir.resolve("labels"), content);

        DataException e = catchThrowableOfType(DataException.class, () -> IdxReader.readLabels(labels, 10));

        assertOneLineNaming(e, labels);
        assertThat(e.getMessage()).contains("label 12 at index 3", "0..9");
    }

    @Test
    void rejectsMissingFile() {
        Path missing = dir.resolve("train-images-idx3-ubyte.gz");

        assertThatThrownBy(() -> IdxReader.readImages(missing))
                .isInstanceOfSatisfying(DataException.class, e -> assertOneLineNaming(e, missing))
                .hasMessageContaining("not found");
    }

    @Test
    void rejectsImpossibleHeader() {
        byte[] header = ByteBuffer.allocate(16).putInt(IdxReader.IMAGE_MAGIC).putInt(1 << 20).putInt(1 << 10)
                .putInt(1 << 10).array();
        Path images = DataFixtures.write(dir.resolve("huge"), header);

        assertThatThrownBy(() -> IdxReader.readImages(images))
                .isInstanceOfSatisfying(DataException.class, e -> assertOneLineNaming(e, images))
                .hasMessageContaining("more than one array can hold");
    }
}
