package adr.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the binary version of CIFAR-10 ({@code cifar-10-binary.tar.gz}, extracted to
 * {@code cifar-10-batches-bin/}).
 *
 * <p>Each file is a run of 3073-byte records: one label byte (0..9), then 3072 pixel
 * bytes, the 1024 red values, then green, then blue, each 32x32 row-major. That is
 * already CHW, so pixels go straight into {@link Dataset#pixels()} after scaling.
 * See https://www.cs.toronto.edu/~kriz/cifar.html.
 *
 * <p>Sizes are checked for every file before anything is read, so a wrong file fails
 * in milliseconds rather than after reading the others. Files are read in bulk chunks
 * of whole records.
 */
public final class Cifar10Reader {
    public static final List<String> TRAIN_FILES = List.of(
            "data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");
    public static final String TEST_FILE = "test_batch.bin";

    static final int CLASSES = 10;
    static final int CHANNELS = 3;
    static final int SIDE = 32;
    static final int PIXELS = CHANNELS * SIDE * SIDE;
    static final int RECORD = 1 + PIXELS;
    private static final int RECORDS_PER_CHUNK = 64;

    private Cifar10Reader() {
    }

    /** Reads the five training batches and the test batch from {@code directory}. */
    public static DatasetSplits read(Path directory, String name) {
        requireFiles(directory);
        List<Path> train = TRAIN_FILES.stream().map(directory::resolve).toList();
        List<Path> test = List.of(directory.resolve(TEST_FILE));
        return new DatasetSplits(read(name + " train", train), read(name + " test", test));
    }

    /** Checks that {@code directory} holds every file of the binary version, without reading them. */
    private static void requireFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new DataException(directory, DataException.notADirectory(directory) + "; pass --dataset"
                    + " cifar10:DIR with the extracted cifar-10-batches-bin directory of the CIFAR-10 binary version");
        }
        List<String> missing = new ArrayList<>();
        for (String file : allFiles()) {
            if (!Files.isRegularFile(directory.resolve(file))) {
                missing.add(file);
            }
        }
        if (!missing.isEmpty()) {
            throw new DataException(directory, "missing " + String.join(", ", missing)
                    + "; expected data_batch_1.bin..data_batch_5.bin and test_batch.bin"
                    + " from the CIFAR-10 binary version (cifar-10-binary.tar.gz)");
        }
    }

    /** Reads the records of {@code files}, in order, into one dataset. */
    public static Dataset read(String name, List<Path> files) {
        long total = 0;
        long[] counts = new long[files.size()];
        for (int f = 0; f < files.size(); f++) {
            counts[f] = recordCount(files.get(f));
            total += counts[f];
        }
        if (total * PIXELS > Integer.MAX_VALUE - 8) {
            throw new DataException(files.get(0), "together with the other files holds " + total
                    + " images, more than one array can hold; read fewer files");
        }
        float[] pixels = new float[(int) total * PIXELS];
        int[] labels = new int[(int) total];
        int image = 0;
        for (int f = 0; f < files.size(); f++) {
            readRecords(files.get(f), (int) counts[f], image, pixels, labels);
            image += (int) counts[f];
        }
        return new Dataset(name, CHANNELS, SIDE, SIDE, CLASSES, pixels, labels);
    }

    private static List<String> allFiles() {
        List<String> all = new ArrayList<>(TRAIN_FILES);
        all.add(TEST_FILE);
        return all;
    }

    private static long recordCount(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw DataException.forIo(file, e);
        }
        if (size == 0) {
            throw new DataException(file, "is empty; re-extract cifar-10-binary.tar.gz");
        }
        if (size % RECORD != 0) {
            throw new DataException(file, "size " + size + " bytes is not a multiple of " + RECORD
                    + " (1 label byte + 3072 pixel bytes per image); is this the CIFAR-10 binary version"
                    + " (not the Python or MATLAB one, not CIFAR-100)?");
        }
        return size / RECORD;
    }

    private static void readRecords(Path file, int count, int firstImage, float[] pixels, int[] labels) {
        byte[] chunk = new byte[RECORDS_PER_CHUNK * RECORD];
        try (InputStream in = Files.newInputStream(file)) {
            int done = 0;
            while (done < count) {
                int records = Math.min(RECORDS_PER_CHUNK, count - done);
                int got = in.readNBytes(chunk, 0, records * RECORD);
                if (got < records * RECORD) {
                    throw new DataException(file, "truncated while reading (the file shrank after its size was"
                            + " checked); re-extract it and make sure nothing else writes to it");
                }
                for (int r = 0; r < records; r++) {
                    int base = r * RECORD;
                    int label = chunk[base] & 0xFF;
                    if (label >= CLASSES) {
                        throw new DataException(file, "label " + label + " in record " + (done + r)
                                + " is outside 0..9; is this CIFAR-10 (not CIFAR-100) binary data?");
                    }
                    int image = firstImage + done + r;
                    labels[image] = label;
                    int out = image * PIXELS;
                    for (int p = 0; p < PIXELS; p++) {
                        pixels[out + p] = (chunk[base + 1 + p] & 0xFF) / 255f;
                    }
                }
                done += records;
            }
        } catch (IOException e) {
            throw DataException.forIo(file, e);
        }
    }
}
