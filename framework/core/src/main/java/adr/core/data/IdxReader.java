package adr.core.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads MNIST-style IDX files: unsigned-byte images of rank 3 (magic {@code 0x00000803})
 * and unsigned-byte labels of rank 1 (magic {@code 0x00000801}), raw or gzip-compressed.
 *
 * <p>Format (big-endian): a 4-byte magic (two zero bytes, the element type {@code 0x08}
 * for ubyte, the rank), one 4-byte size per dimension, then the elements row-major.
 * See http://yann.lecun.com/exdb/mnist/.
 *
 * <p>Compression is detected from the gzip header bytes {@code 1f 8b}, not from the file
 * name, because renamed or pre-extracted copies are common. The payload is read in
 * 64 KiB bulk reads and converted to floats chunk by chunk, so the only large allocation
 * is the result. Bytes after the payload the header declares are ignored, as other
 * MNIST readers do.
 */
public final class IdxReader {
    static final int IMAGE_MAGIC = 0x00000803;
    static final int LABEL_MAGIC = 0x00000801;
    private static final int CHUNK = 1 << 16;

    private IdxReader() {
    }

    /** Images as read from one file: {@code count} images of {@code rows x cols}, scaled to [0, 1]. */
    record Images(int count, int rows, int cols, float[] pixels) {
    }

    /**
     * Reads an image file and its label file into a one-channel dataset.
     *
     * @param classes labels must lie in {@code 0..classes-1}; 10 for the MNIST family
     */
    public static Dataset read(String name, Path images, Path labels, int classes) {
        Images read = readImages(images);
        int[] labelValues = readLabels(labels, classes);
        if (labelValues.length != read.count()) {
            throw new DataException(labels, "holds " + labelValues.length + " labels but "
                    + images.toAbsolutePath() + " holds " + read.count()
                    + " images; pair each image file with its own label file");
        }
        return new Dataset(name, 1, read.rows(), read.cols(), classes, read.pixels(), labelValues);
    }

    /** Reads an IDX image file (magic {@code 0x00000803}). */
    static Images readImages(Path file) {
        try (InputStream in = open(file)) {
            int magic = readMagic(in, file);
            if (magic != IMAGE_MAGIC) {
                String hint = magic == LABEL_MAGIC
                        ? "this is an IDX label file; pass the matching image file"
                        : "is this an IDX image file?";
                throw new DataException(file, String.format(
                        "bad magic number 0x%08X (expected 0x%08X for IDX images); %s", magic, IMAGE_MAGIC, hint));
            }
            ByteBuffer dims = readHeader(in, file, 12);
            int count = dims.getInt();
            int rows = dims.getInt();
            int cols = dims.getInt();
            if (count < 0 || rows <= 0 || cols <= 0) {
                throw new DataException(file, "header declares " + count + " images of " + rows + "x" + cols
                        + ", which is not a valid image set; is the file corrupt?");
            }
            long total = (long) count * rows * cols;
            if (total > Integer.MAX_VALUE - 8) {
                throw new DataException(file, "header declares " + count + " images of " + rows + "x" + cols
                        + ", more than one array can hold; split the file or check it is not corrupt");
            }
            float[] pixels = new float[(int) total];
            readPayload(in, file, pixels.length, (chunk, offset, length) -> {
                for (int i = 0; i < length; i++) {
                    pixels[offset + i] = (chunk[i] & 0xFF) / 255f;
                }
            }, count + " images of " + rows + "x" + cols);
            return new Images(count, rows, cols, pixels);
        } catch (IOException e) {
            throw DataException.forIo(file, e);
        }
    }

    /** Reads an IDX label file (magic {@code 0x00000801}), checking every label is below {@code classes}. */
    static int[] readLabels(Path file, int classes) {
        try (InputStream in = open(file)) {
            int magic = readMagic(in, file);
            if (magic != LABEL_MAGIC) {
                String hint = magic == IMAGE_MAGIC
                        ? "this is an IDX image file; pass the matching label file"
                        : "is this an IDX label file?";
                throw new DataException(file, String.format(
                        "bad magic number 0x%08X (expected 0x%08X for IDX labels); %s", magic, LABEL_MAGIC, hint));
            }
            int count = readHeader(in, file, 4).getInt();
            if (count < 0) {
                throw new DataException(file, "header declares " + count + " labels; is the file corrupt?");
            }
            int[] labels = new int[count];
            readPayload(in, file, count, (chunk, offset, length) -> {
                for (int i = 0; i < length; i++) {
                    int label = chunk[i] & 0xFF;
                    if (label >= classes) {
                        throw new DataException(file, "label " + label + " at index " + (offset + i)
                                + " is outside 0.." + (classes - 1) + " (expected a " + classes
                                + "-class dataset); is this the right label file?");
                    }
                    labels[offset + i] = label;
                }
            }, count + " labels");
            return labels;
        } catch (IOException e) {
            throw DataException.forIo(file, e);
        }
    }

    /** Receives one chunk of payload bytes that belong at {@code offset} of the result. */
    private interface ChunkSink {
        void accept(byte[] chunk, int offset, int length);
    }

    private static void readPayload(InputStream in, Path file, int total, ChunkSink sink, String what)
            throws IOException {
        byte[] chunk = new byte[Math.min(CHUNK, Math.max(total, 1))];
        int done = 0;
        while (done < total) {
            int want = Math.min(chunk.length, total - done);
            int got = in.readNBytes(chunk, 0, want);
            sink.accept(chunk, done, got);
            done += got;
            if (got < want) {
                throw new DataException(file, "truncated: the header promises " + what + " (" + total
                        + " data bytes) but only " + done + " follow; re-download or re-extract the file");
            }
        }
    }

    /** Buffers the file and, when it starts with the gzip header, decompresses it. */
    private static InputStream open(Path file) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(Files.newInputStream(file), CHUNK);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        if (b0 == 0x1F && b1 == 0x8B) {
            return new BufferedInputStream(new GZIPInputStream(buffered, CHUNK), CHUNK);
        }
        return buffered;
    }

    private static int readMagic(InputStream in, Path file) throws IOException {
        byte[] magic = in.readNBytes(4);
        if (magic.length < 4) {
            throw new DataException(file, "only " + magic.length
                    + " bytes, too short for an IDX header; re-download or re-extract the file");
        }
        return ByteBuffer.wrap(magic).getInt();
    }

    private static ByteBuffer readHeader(InputStream in, Path file, int length) throws IOException {
        byte[] header = in.readNBytes(length);
        if (header.length < length) {
            throw new DataException(file, "truncated inside the IDX header (" + (4 + header.length) + " of "
                    + (4 + length) + " bytes); re-download or re-extract the file");
        }
        return ByteBuffer.wrap(header);
    }
}
