package adr.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX and CIFAR-10 files whose contents are a known function of position. */
final class DataFixtures {
    private DataFixtures() {
    }

    /** The byte stored at pixel {@code p} of image {@code i}: distinct enough to catch misplaced copies. */
    static int pixelByte(int image, int pixel) {
        return (image * 31 + pixel * 7) & 0xFF;
    }

    static byte[] idxImages(int count, int rows, int cols) {
        ByteBuffer buffer = ByteBuffer.allocate(16 + count * rows * cols);
        buffer.putInt(IdxReader.IMAGE_MAGIC).putInt(count).putInt(rows).putInt(cols);
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < rows * cols; p++) {
                buffer.put((byte) pixelByte(i, p));
            }
        }
        return buffer.array();
    }

    static byte[] idxLabels(int count) {
        ByteBuffer buffer = ByteBuffer.allocate(8 + count);
        buffer.putInt(IdxReader.LABEL_MAGIC).putInt(count);
        for (int i = 0; i < count; i++) {
            buffer.put((byte) (i % 10));
        }
        return buffer.array();
    }

    static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** {@code count} CIFAR-10 records; labels are {@code (first + i) % 10}. */
    static byte[] cifarRecords(int first, int count) {
        ByteBuffer buffer = ByteBuffer.allocate(count * Cifar10Reader.RECORD);
        for (int i = 0; i < count; i++) {
            buffer.put((byte) ((first + i) % 10));
            for (int p = 0; p < Cifar10Reader.PIXELS; p++) {
                buffer.put((byte) pixelByte(first + i, p));
            }
        }
        return buffer.array();
    }

    /** The four IDX files of a tiny dataset: {@code train} and {@code test} images of 4x3. */
    static void writeIdxDirectory(Path dir, int train, int test, boolean gzip) {
        write(dir.resolve("train-images-idx3-ubyte" + (gzip ? ".gz" : "")), maybeGzip(idxImages(train, 4, 3), gzip));
        write(dir.resolve("train-labels-idx1-ubyte" + (gzip ? ".gz" : "")), maybeGzip(idxLabels(train), gzip));
        write(dir.resolve("t10k-images-idx3-ubyte" + (gzip ? ".gz" : "")), maybeGzip(idxImages(test, 4, 3), gzip));
        write(dir.resolve("t10k-labels-idx1-ubyte" + (gzip ? ".gz" : "")), maybeGzip(idxLabels(test), gzip));
    }

    private static byte[] maybeGzip(byte[] raw, boolean gzip) {
        return gzip ? gzip(raw) : raw;
    }

    static Path write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A dataset message must fit on one line and name the thing at fault. */
    static void assertOneLineNaming(DataException e, Path file) {
        assertThat(e.getMessage())
                .doesNotContain("\n", "\r")
                .contains(file.toAbsolutePath().toString());
    }

    /** A dataset of {@code n} images whose pixels are random in [0, 1). */
    static Dataset randomDataset(int n, int c, int h, int w, long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        float[] pixels = new float[n * c * h * w];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) random.nextDouble();
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
        }
        return new Dataset("random", c, h, w, 10, pixels, labels);
    }
}
